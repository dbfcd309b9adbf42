using MvpPlanner.Core.Features;

namespace MvpPlanner.Web.Features.Backlog;

public static class FeatureRowRefresh
{
    /// <summary>Takes freshly loaded rows but keeps the row objects the grid already shows (copying the new values
    /// into them), so a reload after an inline edit does not rebuild the grid's rows and steal the user's focus.</summary>
    public static List<FeatureRow> Merge(IEnumerable<FeatureRow> shown, IEnumerable<FeatureRow> fresh)
    {
        var byId = shown.ToDictionary(r => r.Id);
        return fresh.Select(f => byId.TryGetValue(f.Id, out var row) ? row.CopyFrom(f) : f).ToList();
    }

    /// <summary>Puts the stored values into the row object on screen.</summary>
    public static FeatureRow CopyFrom(this FeatureRow row, FeatureRow fresh)
    {
        row.Title = fresh.Title;
        row.Description = fresh.Description;
        row.Owner = fresh.Owner;
        row.Status = fresh.Status;
        row.Moscow = fresh.Moscow;
        row.Reach = fresh.Reach;
        row.Impact = fresh.Impact;
        row.Confidence = fresh.Confidence;
        row.Effort = fresh.Effort;
        row.Value = fresh.Value;
        row.EffortSize = fresh.EffortSize;
        row.PhaseId = fresh.PhaseId;
        row.PhaseName = fresh.PhaseName;
        row.LaneId = fresh.LaneId;
        row.LaneName = fresh.LaneName;
        row.Version = fresh.Version;
        row.NeedsOperationalSupport = fresh.NeedsOperationalSupport;
        row.Problems = fresh.Problems;
        row.PersonaIds = fresh.PersonaIds;
        row.EvidenceCount = fresh.EvidenceCount;
        row.EvidenceOrganisations = fresh.EvidenceOrganisations;
        return row;
    }
}
