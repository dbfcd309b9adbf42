namespace MvpPlanner.Web.Features.Roadmap;

/// <summary>Keyboard moves on the board: the cell one phase or one lane away from a card's cell, in the order the board
/// shows them (Unscheduled first, then the phases; the lanes, then "No lane" when that row is shown), and the words that
/// name a cell for the screen-reader announcement.</summary>
public static class BoardMoves
{
    /// <summary>The cell <paramref name="phaseStep"/> columns and <paramref name="laneStep"/> rows away; null past the
    /// board's edge.</summary>
    public static BoardCell? Step(BoardState board, BoardCell from, int phaseStep, int laneStep)
    {
        var phases = new List<int?> { null };
        phases.AddRange(board.Phases.Select(p => (int?)p.Id));
        var lanes = board.Lanes.Select(l => (int?)l.Id).ToList();
        if (board.ShowsNoLaneRow)
        {
            lanes.Add(null);
        }

        var phase = phases.IndexOf(from.PhaseId) + phaseStep;
        var lane = lanes.IndexOf(from.LaneId) + laneStep;
        if (phase < 0 || phase >= phases.Count || lane < 0 || lane >= lanes.Count)
        {
            return null;
        }

        return new BoardCell(phases[phase], lanes[lane]);
    }

    /// <summary>"Pilot · Development", "Unscheduled · No lane", or just the phase on a board without lanes.</summary>
    public static string Describe(BoardState board, BoardCell cell)
    {
        var phase = cell.PhaseId is { } phaseId ? board.Phases.FirstOrDefault(p => p.Id == phaseId)?.Name ?? "another phase" : "Unscheduled";
        if (board.Lanes.Count == 0)
        {
            return phase;
        }

        var lane = cell.LaneId is { } laneId ? board.Lanes.FirstOrDefault(l => l.Id == laneId)?.Name ?? "another lane" : "No lane";
        return $"{phase} · {lane}";
    }
}
