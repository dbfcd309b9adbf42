using System.Linq.Expressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Operations;

/// <summary>The essential tools the operation runs on, and what they cost a month.</summary>
public class EssentialToolService(PlanWriter writer, IValidator<ToolInput> validator)
{
    internal static readonly Expression<Func<EssentialTool, ToolView>> View = t => new ToolView(t.Id, t.Name, t.Category, t.MonthlyCost, t.Version);

    public Task<ToolView?> GetAsync(int planId, int id, CancellationToken ct = default) =>
        PlanItemReads.OneAsync(writer, planId, id, View, ct);

    public Task<ServiceResult<int>> AddToolAsync(int planId, ToolInput input, CancellationToken ct = default) =>
        writer.CreateAsync<EssentialTool, ToolInput>(planId, input, validator, Apply, "Tool", ct);

    public Task<ServiceResult> UpdateToolAsync(int planId, int id, ToolInput input, CancellationToken ct = default) =>
        writer.UpdateAsync<EssentialTool, ToolInput>(planId, id, input, input.Version, validator, Apply, "Tool", ct);

    /// <summary>Processes that used the tool stay; only their link to it goes.</summary>
    public Task<ServiceResult> DeleteToolAsync(int planId, int id, CancellationToken ct = default) =>
        writer.DeleteAsync<EssentialTool>(planId, id, "Tool", ct, async (db, tool, token) =>
        {
            var users = await db.CoreProcesses.CountAsync(p => p.Tools.Any(t => t.Id == tool.Id), token);
            return users == 0 ? null : $"{Text.Plural(users, "process", "processes")} no longer {(users == 1 ? "uses" : "use")} it.";
        });

    private static Task<ServiceResult> Apply(PlannerDbContext db, EssentialTool tool, ToolInput input, CancellationToken ct)
    {
        tool.Name = Text.Clean(input.Name);
        tool.Category = Text.Clean(input.Category);
        tool.MonthlyCost = input.MonthlyCost;
        return Task.FromResult(ServiceResult.Ok());
    }
}
