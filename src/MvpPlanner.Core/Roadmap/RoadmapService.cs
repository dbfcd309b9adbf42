using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Common;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Core.Roadmap;

public class RoadmapService(
    IDbContextFactory<PlannerDbContext> dbFactory,
    PlanAccess access,
    IValidator<PhaseInput> phaseValidator,
    IValidator<LaneInput> laneValidator,
    PlanWriter writer,
    ILogger<RoadmapService> logger)
{
    /// <summary>The board with at most <paramref name="cardsPerCell"/> cards of each cell (the first by rank; all by
    /// default) and every cell's count, so a plan with thousands of features reads and shows a few hundred cards.</summary>
    public async Task<RoadmapBoard> GetBoardAsync(int planId, int cardsPerCell = int.MaxValue, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is not null)
        {
            return new RoadmapBoard([], [], []);
        }

        var places = await PlacesAsync(db, planId, ct);
        var shown = places.GroupBy(p => (p.PhaseId, p.LaneId)).SelectMany(g => g.Take(cardsPerCell)).Select(p => p.Id).ToList();
        var cards = await ReadCardsAsync(db.Features.Where(f => f.PlanId == planId && shown.Contains(f.Id)), ct);
        return await ReadStructureAsync(db, planId, cards, CountCells(places), ct);
    }

    /// <summary>The cards with the given ids as stored now (a deleted one is missing), and every cell's count: what the
    /// board needs to patch itself after these features changed.</summary>
    public async Task<BoardCards> GetCardsAsync(int planId, IReadOnlyCollection<int> featureIds, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is not null)
        {
            return new BoardCards([], []);
        }

        var ids = featureIds.Distinct().ToList();
        var cards = await ReadCardsAsync(db.Features.Where(f => f.PlanId == planId && ids.Contains(f.Id)), ct);
        var counts = await db.Features.Where(f => f.PlanId == planId)
            .GroupBy(f => new { f.PhaseId, f.LaneId })
            .Select(g => new CellCount(g.Key.PhaseId, g.Key.LaneId, g.Count()))
            .ToListAsync(ct);
        return new BoardCards(cards, counts);
    }

    /// <summary>The cards of one cell in rank order, at most <paramref name="take"/> of them (all when null).</summary>
    public async Task<IReadOnlyList<BoardCard>> GetCellAsync(int planId, int? phaseId, int? laneId, int? take = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is not null)
        {
            return [];
        }

        var cell = db.Features.Where(f => f.PlanId == planId && f.PhaseId == phaseId && f.LaneId == laneId)
            .OrderBy(f => f.Rank).ThenBy(f => f.Id);
        return await ReadCardsAsync(take is { } n ? cell.Take(n) : cell, ct);
    }

    /// <summary>The plan's phases and lanes in board order, without cards; null when the caller may not read the plan.</summary>
    public async Task<RoadmapBoard?> GetStructureAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await access.CheckPlanAsync(db, planId, WorkspaceRole.Viewer, ct) is not null)
        {
            return null;
        }

        return await ReadStructureAsync(db, planId, [], [], ct);
    }

    private static async Task<RoadmapBoard> ReadStructureAsync(PlannerDbContext db, int planId, List<BoardCard> cards, List<CellCount> counts, CancellationToken ct)
    {
        var phases = await db.RoadmapPhases.AsNoTracking().Where(p => p.PlanId == planId)
            .OrderBy(p => p.Order).ThenBy(p => p.Id)
            .Select(p => new PhaseView(p.Id, p.Name, p.Order, p.StartDate, p.EndDate, p.Goal, p.ExitCriteria, p.Version))
            .ToListAsync(ct);
        var lanes = await db.Lanes.AsNoTracking().Where(l => l.PlanId == planId)
            .OrderBy(l => l.Order).ThenBy(l => l.Id)
            .Select(l => new LaneView(l.Id, l.Name, l.Order, l.Version))
            .ToListAsync(ct);
        return new RoadmapBoard(phases, lanes, cards) { Counts = counts };
    }

    /// <summary>Where every feature of the plan sits, in rank order: three numbers a feature, read from the cell index.</summary>
    private static async Task<List<CardPlace>> PlacesAsync(PlannerDbContext db, int planId, CancellationToken ct) =>
        await db.Features.AsNoTracking().Where(f => f.PlanId == planId)
            .OrderBy(f => f.Rank).ThenBy(f => f.Id)
            .Select(f => new CardPlace(f.Id, f.PhaseId, f.LaneId))
            .ToListAsync(ct);

    private static List<CellCount> CountCells(List<CardPlace> places) =>
        places.CountBy(p => (p.PhaseId, p.LaneId)).Select(c => new CellCount(c.Key.PhaseId, c.Key.LaneId, c.Value)).ToList();

    private static async Task<List<BoardCard>> ReadCardsAsync(IQueryable<Features.Feature> features, CancellationToken ct)
    {
        var cards = await features.AsNoTracking()
            .OrderBy(f => f.Rank).ThenBy(f => f.Id)
            .Select(f => new { f.Id, f.Title, f.Status, f.Moscow, f.Reach, f.Impact, f.Confidence, f.Effort, f.Owner, f.PhaseId, f.LaneId, f.Rank, f.NeedsOperationalSupport })
            .ToListAsync(ct);
        return cards
            .Select(c => new BoardCard(c.Id, c.Title, c.Status, c.Moscow, Features.Rice.Score(c.Reach, c.Impact, c.Confidence, c.Effort), c.Owner, c.PhaseId, c.LaneId, c.Rank, c.NeedsOperationalSupport))
            .ToList();
    }

    private sealed record CardPlace(int Id, int? PhaseId, int? LaneId);

    /// <summary>Puts the feature at <paramref name="index"/> in the cell (phase × lane) and renumbers both cells,
    /// in one transaction; a move computed from positions another move changed meanwhile is refused (<see cref="PlanOrder"/>).
    /// With <paramref name="expectedVersion"/> (the API's If-Match) the move is saved only if nobody changed the feature since.</summary>
    public Task<ServiceResult> MoveFeatureAsync(int planId, int featureId, int? phaseId, int? laneId, int index, int? expectedVersion = null, CancellationToken ct = default) =>
        writer.WriteAsync(planId, WorkspaceRole.Editor, async w =>
        {
            var db = w.Db;
            var order = await PlanOrder.ReadAsync(db, planId, ct);
            var feature = await w.FindAsync<Features.Feature>(featureId, ct: ct);
            if (feature is null)
            {
                return ServiceResult.NotFound("The feature");
            }

            if (phaseId is { } p && !await db.RoadmapPhases.AnyAsync(x => x.Id == p && x.PlanId == planId, ct))
            {
                return ServiceResult.NotFound("PhaseId", "This roadmap phase was deleted meanwhile; choose another.");
            }

            if (laneId is { } l && !await db.Lanes.AnyAsync(x => x.Id == l && x.PlanId == planId, ct))
            {
                return ServiceResult.NotFound("LaneId", "This lane was deleted meanwhile; choose another.");
            }

            var (fromPhase, fromLane) = (feature.PhaseId, feature.LaneId);
            var target = await db.Features
                .Where(f => f.PlanId == planId && f.PhaseId == phaseId && f.LaneId == laneId && f.Id != featureId)
                .OrderBy(f => f.Rank).ThenBy(f => f.Id)
                .ToListAsync(ct);
            target.Insert(Math.Clamp(index, 0, target.Count), feature);
            feature.PhaseId = phaseId;
            feature.LaneId = laneId;
            Renumber(target);
            w.Moved(feature);
            if (expectedVersion is { } version)
            {
                w.BasedOn(feature, version);
            }

            if (fromPhase != phaseId || fromLane != laneId)
            {
                var source = await db.Features
                    .Where(f => f.PlanId == planId && f.PhaseId == fromPhase && f.LaneId == fromLane && f.Id != featureId)
                    .OrderBy(f => f.Rank).ThenBy(f => f.Id)
                    .ToListAsync(ct);
                Renumber(source);
            }

            return await PlanOrder.ClaimAsync(db, planId, order, ct) ? ServiceResult.Ok() : OrderChanged(planId, featureId);
        }, ct);

    public Task<ServiceResult<int>> AddPhaseAsync(int planId, PhaseInput input, CancellationToken ct = default) =>
        writer.WriteAsync<PhaseInput, int>(planId, input, phaseValidator, async w =>
        {
            // Placed last after taking the order token, so two phases added at once do not share a place.
            await PlanOrder.BumpAsync(w.Db, planId, ct);
            var phase = new RoadmapPhase { PlanId = planId, Order = await w.Db.RoadmapPhases.CountAsync(p => p.PlanId == planId, ct) };
            Apply(phase, input);
            w.Db.RoadmapPhases.Add(phase);
            await w.SaveAsync(ct);
            return ServiceResult<int>.Ok(phase.Id, $"Added phase \"{phase.Name}\".");
        }, ct);

    public Task<ServiceResult> UpdatePhaseAsync(int planId, int phaseId, PhaseInput input, CancellationToken ct = default) =>
        writer.WriteAsync(planId, input, phaseValidator, async w =>
        {
            var phase = await w.FindAsync<RoadmapPhase>(phaseId, ct: ct);
            if (phase is null)
            {
                return ServiceResult.NotFound("The roadmap phase");
            }

            Apply(phase, input);
            w.BasedOn(phase, input.Version);
            return ServiceResult.Ok();
        }, ct);

    /// <summary>Moves the phase to the trash; its features stay and become unscheduled (appended to the Unscheduled
    /// column). Restoring the phase puts back those still unscheduled.</summary>
    public Task<ServiceResult> DeletePhaseAsync(int planId, int phaseId, int? expectedVersion = null, CancellationToken ct = default) =>
        writer.WriteAsync(planId, WorkspaceRole.Editor, async w =>
        {
            await PlanOrder.BumpAsync(w.Db, planId, ct);
            var phase = await w.FindAsync<RoadmapPhase>(phaseId, q => q.Include(p => p.Features), ct);
            if (phase is null)
            {
                return ServiceResult.NotFound("The roadmap phase");
            }

            w.Expect(phase, expectedVersion);
            var moved = phase.Features.Count;
            foreach (var group in phase.Features.GroupBy(f => f.LaneId))
            {
                var next = await Features.FeatureService.NextRankAsync(w.Db, planId, null, group.Key, ct);
                foreach (var feature in group.OrderBy(f => f.Rank))
                {
                    feature.PhaseId = null;
                    feature.Rank = next++;
                }
            }

            await w.TrashAsync(phase, ct);
            await w.SaveAsync(ct);
            Renumber(await w.Db.RoadmapPhases.Where(p => p.PlanId == planId).OrderBy(p => p.Order).ToListAsync(ct));
            return ServiceResult.Ok(moved == 0
                ? $"Deleted phase \"{phase.Name}\"."
                : $"Deleted phase \"{phase.Name}\". {Text.Plural(moved, "feature")} moved to Unscheduled.");
        }, ct);

    public Task<ServiceResult> MovePhaseAsync(int planId, int phaseId, int index, CancellationToken ct = default) =>
        ReorderAsync(planId, phaseId, index, db => db.RoadmapPhases, "The roadmap phase", ct);

    public Task<ServiceResult<int>> AddLaneAsync(int planId, LaneInput input, CancellationToken ct = default) =>
        writer.WriteAsync<LaneInput, int>(planId, input, laneValidator, async w =>
        {
            await PlanOrder.BumpAsync(w.Db, planId, ct);
            var lane = new Lane { PlanId = planId, Name = Text.Clean(input.Name), Order = await w.Db.Lanes.CountAsync(l => l.PlanId == planId, ct) };
            w.Db.Lanes.Add(lane);
            await w.SaveAsync(ct);
            return ServiceResult<int>.Ok(lane.Id, $"Added lane \"{lane.Name}\".");
        }, ct);

    public Task<ServiceResult> UpdateLaneAsync(int planId, int laneId, LaneInput input, CancellationToken ct = default) =>
        writer.WriteAsync(planId, input, laneValidator, async w =>
        {
            var lane = await w.FindAsync<Lane>(laneId, ct: ct);
            if (lane is null)
            {
                return ServiceResult.NotFound("The lane");
            }

            lane.Name = Text.Clean(input.Name);
            w.BasedOn(lane, input.Version);
            return ServiceResult.Ok();
        }, ct);

    /// <summary>Moves the lane to the trash; its features stay in their phase, in the "No lane" row.</summary>
    public Task<ServiceResult> DeleteLaneAsync(int planId, int laneId, int? expectedVersion = null, CancellationToken ct = default) =>
        writer.WriteAsync(planId, WorkspaceRole.Editor, async w =>
        {
            await PlanOrder.BumpAsync(w.Db, planId, ct);
            var lane = await w.FindAsync<Lane>(laneId, q => q.Include(l => l.Features), ct);
            if (lane is null)
            {
                return ServiceResult.NotFound("The lane");
            }

            w.Expect(lane, expectedVersion);
            var moved = lane.Features.Count;
            foreach (var group in lane.Features.GroupBy(f => f.PhaseId))
            {
                var next = await Features.FeatureService.NextRankAsync(w.Db, planId, group.Key, null, ct);
                foreach (var feature in group.OrderBy(f => f.Rank))
                {
                    feature.LaneId = null;
                    feature.Rank = next++;
                }
            }

            await w.TrashAsync(lane, ct);
            await w.SaveAsync(ct);
            Renumber(await w.Db.Lanes.Where(l => l.PlanId == planId).OrderBy(l => l.Order).ToListAsync(ct));
            return ServiceResult.Ok(moved == 0
                ? $"Deleted lane \"{lane.Name}\"."
                : $"Deleted lane \"{lane.Name}\". {Text.Plural(moved, "feature")} moved to \"No lane\".");
        }, ct);

    public Task<ServiceResult> MoveLaneAsync(int planId, int laneId, int index, CancellationToken ct = default) =>
        ReorderAsync(planId, laneId, index, db => db.Lanes, "The lane", ct);

    private Task<ServiceResult> ReorderAsync<T>(int planId, int id, int index, Func<PlannerDbContext, DbSet<T>> set, string what, CancellationToken ct)
        where T : EntityBase, IOrdered =>
        writer.WriteAsync(planId, WorkspaceRole.Editor, async w =>
        {
            var order = await PlanOrder.ReadAsync(w.Db, planId, ct);
            var items = await set(w.Db).Where(x => x.PlanId == planId).OrderBy(x => x.Order).ThenBy(x => x.Id).ToListAsync(ct);
            var item = items.FirstOrDefault(x => x.Id == id);
            if (item is null)
            {
                return ServiceResult.NotFound(what);
            }

            items.Remove(item);
            items.Insert(Math.Clamp(index, 0, items.Count), item);
            Renumber(items);
            w.Moved(item);
            return await PlanOrder.ClaimAsync(w.Db, planId, order, ct) ? ServiceResult.Ok() : OrderChanged(planId, id);
        }, ct);

    private ServiceResult OrderChanged(int planId, int itemId)
    {
        logger.LogInformation("Move of {ItemId} in plan {PlanId} refused: another move changed the order at the same moment", itemId, planId);
        return ServiceResult.OrderChanged();
    }

    private static void Renumber<T>(List<T> items)
        where T : IOrdered
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Order != i)
            {
                items[i].Order = i;
            }
        }
    }

    private static void Apply(RoadmapPhase phase, PhaseInput input)
    {
        phase.Name = Text.Clean(input.Name);
        phase.StartDate = input.StartDate is { } start ? DateOnly.FromDateTime(start) : null;
        phase.EndDate = input.EndDate is { } end ? DateOnly.FromDateTime(end) : null;
        phase.Goal = Text.Clean(input.Goal);
        phase.ExitCriteria = Text.Clean(input.ExitCriteria);
    }
}
