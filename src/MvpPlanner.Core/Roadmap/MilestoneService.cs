using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Roadmap;

/// <summary>The plan's milestones: launches, pilot starts, go/no-go meetings and other dated points.</summary>
public class MilestoneService(IDbContextFactory<PlannerDbContext> dbFactory, PlanAccess access, IValidator<MilestoneInput> validator, PlanWriter writer)
{
    public async Task<IReadOnlyList<MilestoneView>> ListAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is not null)
        {
            return [];
        }

        return await Read(db, planId).ToListAsync(ct);
    }

    internal static IQueryable<MilestoneView> Read(PlannerDbContext db, int planId, int? milestoneId = null) =>
        db.Milestones.AsNoTracking().Where(m => m.PlanId == planId && (milestoneId == null || m.Id == milestoneId))
            .OrderBy(m => m.Date).ThenBy(m => m.Id)
            .Select(m => new MilestoneView(m.Id, m.Name, m.Date, m.Kind, m.LaneId, m.Lane != null ? m.Lane.Name : null, m.Notes, m.Version));

    public Task<ServiceResult<int>> CreateAsync(int planId, MilestoneInput input, CancellationToken ct = default) =>
        writer.CreateAsync<Milestone, MilestoneInput>(planId, input, validator, ApplyAsync, "Milestone", ct);

    public Task<ServiceResult> UpdateAsync(int planId, int milestoneId, MilestoneInput input, CancellationToken ct = default) =>
        writer.UpdateAsync<Milestone, MilestoneInput>(planId, milestoneId, input, input.Version, validator, ApplyAsync, "Milestone", ct);

    public Task<ServiceResult> DeleteAsync(int planId, int milestoneId, int? expectedVersion = null, CancellationToken ct = default) =>
        writer.DeleteAsync<Milestone>(planId, milestoneId, "Milestone", ct, expectedVersion: expectedVersion);

    /// <summary>One milestone; null when it is not in the plan or the caller may not read the plan.</summary>
    public async Task<MilestoneView?> GetAsync(int planId, int milestoneId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is not null)
        {
            return null;
        }

        return await Read(db, planId, milestoneId).FirstOrDefaultAsync(ct);
    }

    /// <summary>Moves the milestone to another day (dragged on the timeline), if nobody changed it since
    /// <paramref name="expectedVersion"/>.</summary>
    public Task<ServiceResult> MoveAsync(int planId, int milestoneId, DateOnly date, int expectedVersion, CancellationToken ct = default) =>
        writer.WriteAsync(planId, WorkspaceRole.Editor, async w =>
        {
            var milestone = await w.FindAsync<Milestone>(milestoneId, ct: ct);
            if (milestone is null)
            {
                return ServiceResult.NotFound("The milestone");
            }

            milestone.Date = date;
            w.BasedOn(milestone, expectedVersion);
            return ServiceResult.Ok($"Moved milestone \"{milestone.Name}\".");
        }, ct);

    private static async Task<ServiceResult> ApplyAsync(PlannerDbContext db, Milestone milestone, MilestoneInput input, CancellationToken ct)
    {
        // The lane must be one of this plan's: a lane id from another plan would tie the two plans together.
        if (input.LaneId is { } laneId && !await db.Lanes.AnyAsync(l => l.Id == laneId && l.PlanId == milestone.PlanId, ct))
        {
            return ServiceResult.Invalid(nameof(MilestoneInput.LaneId), "That lane no longer exists. Choose another or none.");
        }

        milestone.Name = Text.Clean(input.Name);
        milestone.Date = DateOnly.FromDateTime(input.Date!.Value);
        milestone.Kind = input.Kind;
        milestone.LaneId = input.LaneId;
        milestone.Notes = Text.Clean(input.Notes);
        return ServiceResult.Ok();
    }
}
