using System.Linq.Expressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Operations;

/// <summary>The roles that own core processes and KPIs, and who holds them.</summary>
public class OperationRoleService(PlanWriter writer, IValidator<RoleInput> validator)
{
    internal static readonly Expression<Func<OperationRole, RoleView>> View = r => new RoleView(r.Id, r.Name, r.Holder, r.Version);

    public Task<RoleView?> GetAsync(int planId, int id, CancellationToken ct = default) =>
        PlanItemReads.OneAsync(writer, planId, id, View, ct);

    /// <summary>The plan's roles by name, for a dialog that offers them as owners.</summary>
    public async Task<IReadOnlyList<RoleView>?> ListAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await writer.OpenForReadAsync(planId, ct);
        return db is null ? null
            : await db.OperationRoles.AsNoTracking().Where(r => r.PlanId == planId).OrderBy(r => r.Name).Select(View).ToListAsync(ct);
    }

    public Task<ServiceResult<int>> AddRoleAsync(int planId, RoleInput input, CancellationToken ct = default) =>
        writer.CreateAsync<OperationRole, RoleInput>(planId, input, validator, Apply, "Role", ct);

    public Task<ServiceResult> UpdateRoleAsync(int planId, int id, RoleInput input, CancellationToken ct = default) =>
        writer.UpdateAsync<OperationRole, RoleInput>(planId, id, input, input.Version, validator, Apply, "Role", ct);

    /// <summary>Deleting a role leaves its processes and KPIs without an owner; the readiness check then lists them.</summary>
    public Task<ServiceResult> DeleteRoleAsync(int planId, int id, CancellationToken ct = default) =>
        writer.DeleteAsync<OperationRole>(planId, id, "Role", ct, async (db, role, token) =>
        {
            var processes = await db.CoreProcesses.CountAsync(p => p.OwnerRoleId == role.Id, token);
            var kpis = await db.Kpis.CountAsync(k => k.OwnerRoleId == role.Id, token);
            var owned = new[] { processes == 0 ? null : Text.Plural(processes, "process", "processes"), kpis == 0 ? null : Text.Plural(kpis, "KPI") }
                .OfType<string>().ToList();
            return owned.Count == 0 ? null
                : $"{string.Join(" and ", owned)} now {(processes + kpis == 1 ? "has" : "have")} no owner.";
        });

    private static Task<ServiceResult> Apply(PlannerDbContext db, OperationRole role, RoleInput input, CancellationToken ct)
    {
        role.Name = Text.Clean(input.Name);
        role.Holder = Text.Clean(input.Holder);
        return Task.FromResult(ServiceResult.Ok());
    }
}
