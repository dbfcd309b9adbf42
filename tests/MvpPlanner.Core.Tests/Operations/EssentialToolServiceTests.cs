using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests.Operations;

/// <summary>Essential tools and their monthly cost, through <see cref="EssentialToolService"/> over a real SQLite file.</summary>
public class EssentialToolServiceTests
{
    [Fact]
    public async Task AddTool_SeveralWithCents_TotalMonthlyCostAddsUp()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        await test.Tools().AddToolAsync(planId, new ToolInput { Name = "Payments", Category = "Billing", MonthlyCost = 19.99m });
        await test.AddToolAsync(planId, "CRM", 5.01m);
        await test.AddToolAsync(planId, "Spreadsheet", 0m);

        var ops = await test.GetOperationsAsync(planId);
        ops.Tools.Select(t => t.Name).ShouldBe(["CRM", "Payments", "Spreadsheet"]);
        ops.Tools.Single(t => t.Name == "Payments").Category.ShouldBe("Billing");
        ops.Tools.Single(t => t.Name == "Payments").MonthlyCost.ShouldBe(19.99m);
        ops.TotalMonthlyCost.ShouldBe(25m);
    }

    [Fact]
    public async Task TotalMonthlyCost_NoTools_IsZero()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        (await test.GetOperationsAsync(planId)).TotalMonthlyCost.ShouldBe(0m);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(-100)]
    [InlineData(1_000_000.01)]
    public async Task AddTool_CostOutOfRange_IsInvalidOnMonthlyCost(double cost)
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        var result = await test.Tools().AddToolAsync(planId, new ToolInput { Name = "CRM", MonthlyCost = (decimal)cost });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([nameof(ToolInput.MonthlyCost)]);
        result.ErrorsFor(nameof(ToolInput.MonthlyCost)).ShouldBe(["Monthly cost is between 0 and 1,000,000."]);
        (await test.GetOperationsAsync(planId)).Tools.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("", "", nameof(ToolInput.Name))]
    [InlineData("long", "", nameof(ToolInput.Name))]
    [InlineData("CRM", "long", nameof(ToolInput.Category))]
    public async Task AddTool_EmptyOrOverLongText_IsInvalidOnThatField(string name, string category, string field)
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        var result = await test.Tools().AddToolAsync(planId, new ToolInput
        {
            Name = name == "long" ? new string('t', TextLimits.Name + 1) : name,
            Category = category == "long" ? new string('c', TextLimits.Name + 1) : category,
        });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([field]);
    }

    [Fact]
    public async Task UpdateTool_StaleVersion_IsConflictAndCostKept()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var id = await test.AddToolAsync(planId, "CRM", 10m);
        var read = (await test.GetOperationsAsync(planId)).Tools.Single();
        var first = read.ToInput();
        first.MonthlyCost = 20m;
        var second = read.ToInput();
        second.MonthlyCost = 30m;

        (await test.Tools().UpdateToolAsync(planId, id, first)).Status.ShouldBe(ResultStatus.Ok);
        (await test.Tools().UpdateToolAsync(planId, id, second)).Status.ShouldBe(ResultStatus.Conflict);

        (await test.GetOperationsAsync(planId)).TotalMonthlyCost.ShouldBe(20m);
    }

    [Fact]
    public async Task DeleteTool_UsedByProcesses_ProcessesStayAndMessageNamesThem()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var crm = await test.AddToolAsync(planId, "CRM", 30m);
        var sheet = await test.AddToolAsync(planId, "Sheet", 0m);
        var sales = await test.AddProcessAsync(planId, new ProcessInput { Name = "Sales call", ToolIds = [crm, sheet] });

        var result = await test.Tools().DeleteToolAsync(planId, crm);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Message.ShouldBe("Deleted tool \"CRM\". 1 process no longer uses it.");
        var ops = await test.GetOperationsAsync(planId);
        ops.Processes.Single(p => p.Id == sales).ToolIds.ShouldBe([sheet]);
        ops.TotalMonthlyCost.ShouldBe(0m);
    }
}
