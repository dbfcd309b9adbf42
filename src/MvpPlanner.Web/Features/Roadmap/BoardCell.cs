using System.Globalization;
using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Web.Features.Roadmap;

/// <summary>One cell of the roadmap board: a phase (or Unscheduled) × a lane (or No lane).
/// Its identifier names the drop zone, "{phaseId|none}:{laneId|none}".</summary>
public readonly record struct BoardCell(int? PhaseId, int? LaneId)
{
    private const string None = "none";

    public string Identifier => $"{Part(PhaseId)}:{Part(LaneId)}";

    public string TestId => $"cell-{Part(PhaseId)}-{Part(LaneId)}";

    public static BoardCell Of(BoardCard card) => new(card.PhaseId, card.LaneId);

    public static BoardCell Parse(string identifier)
    {
        var parts = identifier.Split(':');
        if (parts.Length != 2)
        {
            throw new FormatException($"\"{identifier}\" is not a board cell identifier.");
        }

        return new BoardCell(ParsePart(parts[0]), ParsePart(parts[1]));
    }

    private static string Part(int? id) => id?.ToString(CultureInfo.InvariantCulture) ?? None;

    private static int? ParsePart(string part) => part == None ? null : int.Parse(part, CultureInfo.InvariantCulture);
}

/// <summary>A card dropped into a cell at a position (0 = top), as the board reports it to the page.</summary>
public sealed record CardDrop(int FeatureId, BoardCell Target, int Index);

/// <summary>Where the "Move to…" dialog sends a card.</summary>
public sealed class MoveTarget
{
    public int? PhaseId { get; set; }

    public int? LaneId { get; set; }
}
