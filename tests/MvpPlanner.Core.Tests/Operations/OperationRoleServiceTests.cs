using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Operations;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests.Operations;

/// <summary>Roles that own processes and KPIs, through <see cref="OperationRoleService"/> over a real SQLite file.</summary>
public class OperationRoleServiceTests
{
    [Fact]
    public async Task AddRole_WithHolder_ListedByNameWithLabel()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        await test.AddRoleAsync(planId, "Support Lead", " Sam ");
        await test.AddRoleAsync(planId, "Billing clerk");

        var roles = (await test.GetOperationsAsync(planId)).Roles;
        roles.Select(r => r.Label).ShouldBe(["Billing clerk", "Support Lead (Sam)"]);
    }

    [Theory]
    [InlineData(" ", "", nameof(RoleInput.Name))]
    [InlineData("long", "", nameof(RoleInput.Name))]
    [InlineData("Lead", "long", nameof(RoleInput.Holder))]
    public async Task AddRole_EmptyOrOverLongField_IsInvalidOnThatField(string name, string holder, string field)
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();

        var result = await test.Roles().AddRoleAsync(planId, new RoleInput
        {
            Name = name == "long" ? new string('r', TextLimits.Name + 1) : name,
            Holder = holder == "long" ? new string('h', TextLimits.Name + 1) : holder,
        });

        result.Status.ShouldBe(ResultStatus.Invalid);
        result.Errors.Keys.ShouldBe([field]);
        (await test.GetOperationsAsync(planId)).Roles.ShouldBeEmpty();
    }

    [Fact]
    public async Task UpdateRole_StaleVersion_IsConflict()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var id = await test.AddRoleAsync(planId, "Lead");
        var read = (await test.GetOperationsAsync(planId)).Roles.Single();
        var first = read.ToInput();
        first.Holder = "Ana";
        var second = read.ToInput();
        second.Holder = "Ben";

        (await test.Roles().UpdateRoleAsync(planId, id, first)).Status.ShouldBe(ResultStatus.Ok);
        (await test.Roles().UpdateRoleAsync(planId, id, second)).Status.ShouldBe(ResultStatus.Conflict);

        (await test.GetOperationsAsync(planId)).Roles.Single().Holder.ShouldBe("Ana");
    }

    [Fact]
    public async Task DeleteRole_OwningProcessesAndKpis_TheyStayWithoutOwnerAndMessageNamesThem()
    {
        await using var test = await TestDatabase.CreateAsync();
        var planId = await test.CreatePlanAsync();
        var lead = await test.AddRoleAsync(planId, "Support Lead");
        var other = await test.AddRoleAsync(planId, "Founder");
        var inbox = await test.AddProcessAsync(planId, new ProcessInput { Name = "Support inbox", OwnerRoleId = lead });
        var billing = await test.AddProcessAsync(planId, new ProcessInput { Name = "Billing", OwnerRoleId = other });
        var kpi = await test.AddKpiAsync(planId, "Response time", ownerRoleId: lead);

        var result = await test.Roles().DeleteRoleAsync(planId, lead);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Message.ShouldBe("Deleted role \"Support Lead\". 1 process and 1 KPI now have no owner.");
        var ops = await test.GetOperationsAsync(planId);
        ops.Roles.Select(r => r.Id).ShouldBe([other]);
        ops.Processes.Single(p => p.Id == inbox).OwnerRoleId.ShouldBeNull();
        ops.Processes.Single(p => p.Id == billing).OwnerRoleId.ShouldBe(other);
        ops.Kpis.Single(k => k.Id == kpi).OwnerRoleId.ShouldBeNull();
        ops.RoleName(null).ShouldBe("No owner");
    }
}
