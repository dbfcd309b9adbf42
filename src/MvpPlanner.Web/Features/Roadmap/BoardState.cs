using MvpPlanner.Core.Roadmap;

namespace MvpPlanner.Web.Features.Roadmap;

/// <summary>What the roadmap page shows and patches in place: phases and lanes, the shown cards of every cell in rank
/// order (the first <see cref="CardsPerCell"/>, or all of an expanded cell), and how many cards each cell holds.</summary>
public sealed class BoardState
{
    /// <summary>Enough for a real cell, few enough that a board of thousands of features stays light.</summary>
    public const int CardsPerCell = 12;

    private readonly Dictionary<BoardCell, List<BoardCard>> _cells = [];
    private readonly Dictionary<int, BoardCell> _cellOf = [];
    private readonly HashSet<BoardCell> _expanded = [];
    private Dictionary<BoardCell, int> _counts = [];

    public IReadOnlyList<PhaseView> Phases { get; private set; } = [];

    public IReadOnlyList<LaneView> Lanes { get; private set; } = [];

    /// <summary>Every shown card, cell by cell in rank order: the drop container's items.</summary>
    public IReadOnlyList<BoardCard> ShownCards { get; private set; } = [];

    /// <summary>Goes up with every change to what is shown, so the board knows when to redraw its drop zones.</summary>
    public int Version { get; private set; }

    public int Total => _counts.Values.Sum();

    /// <summary>Each card's dependencies, by feature id; a card without any is missing.</summary>
    public IReadOnlyDictionary<int, CardDependencies> Dependencies { get; private set; } = new Dictionary<int, CardDependencies>();

    public void SetDependencies(IReadOnlyList<MvpPlanner.Core.Features.PlanDependency> dependencies)
    {
        var fresh = CardDependencies.ByFeature(dependencies);
        if (fresh.Count != Dependencies.Count || fresh.Any(f => !Dependencies.TryGetValue(f.Key, out var old) || !Same(old, f.Value)))
        {
            Dependencies = fresh;
            Version++;
        }

        static bool Same(CardDependencies a, CardDependencies b) => a.Needs == b.Needs && a.NeededBy == b.NeededBy && a.Warnings.SequenceEqual(b.Warnings);
    }

    public bool HasCardsWithoutLane => _counts.Keys.Any(c => c.LaneId is null);

    /// <summary>Without lanes the "No lane" row is the only place a card can go, so it shows then too.</summary>
    public bool ShowsNoLaneRow => HasCardsWithoutLane || Lanes.Count == 0;

    public IEnumerable<BoardCell> ExpandedCells => _expanded;

    public int CountIn(BoardCell cell) => _counts.GetValueOrDefault(cell);

    public int CountInPhase(int? phaseId) => _counts.Where(c => c.Key.PhaseId == phaseId).Sum(c => c.Value);

    public int CountInLane(int? laneId) => _counts.Where(c => c.Key.LaneId == laneId).Sum(c => c.Value);

    public int ShownIn(BoardCell cell) => _cells.TryGetValue(cell, out var cards) ? cards.Count : 0;

    public bool IsExpanded(BoardCell cell) => _expanded.Contains(cell);

    /// <summary>The cell a shown card is in; null when it is not shown.</summary>
    public BoardCell? CellOf(int featureId) => _cellOf.TryGetValue(featureId, out var cell) ? cell : null;

    /// <summary>Ids of the shown cards of a cell.</summary>
    public IReadOnlyList<int> IdsIn(BoardCell cell) => _cells.TryGetValue(cell, out var cards) ? cards.Select(c => c.Id).ToList() : [];

    public bool HasPhase(int? phaseId) => phaseId is null || Phases.Any(p => p.Id == phaseId);

    public bool HasLane(int? laneId) => laneId is null || Lanes.Any(l => l.Id == laneId);

    /// <summary>Takes a board fresh from the service; expanded cells stay expanded when they still exist.</summary>
    public void Load(RoadmapBoard board)
    {
        Phases = board.Phases;
        Lanes = board.Lanes;
        _cells.Clear();
        _cellOf.Clear();
        foreach (var card in board.Cards)
        {
            Add(card);
        }

        _counts = board.Counts.ToDictionary(c => new BoardCell(c.PhaseId, c.LaneId), c => c.Count);
        _expanded.RemoveWhere(c => !HasPhase(c.PhaseId) || !HasLane(c.LaneId));
        Changed();
    }

    /// <summary>Shows exactly these cards in the cell (all of it when expanded, else the first ones).</summary>
    public void SetCell(BoardCell cell, IReadOnlyList<BoardCard> cards)
    {
        RemoveCell(cell);
        foreach (var card in cards.Where(c => BoardCell.Of(c) == cell))
        {
            Add(card);
        }

        Changed();
    }

    public void Collapse(BoardCell cell)
    {
        _expanded.Remove(cell);
        Trim(cell);
        Changed();
    }

    public void Expand(BoardCell cell, IReadOnlyList<BoardCard> cards)
    {
        _expanded.Add(cell);
        SetCell(cell, cards);
    }

    /// <summary>Takes in the cards of changed features, read again: a missing one was deleted and vanishes, the others
    /// take their place in their cell by rank. Returns false when nothing shown changed. <paramref name="stale"/> gets the
    /// cells whose shown cards can no longer be worked out here (a shown card left a cell with hidden ones) and must be
    /// read again; <paramref name="unknownPlace"/> is true when a card sits in a phase or lane the board does not know.</summary>
    public bool Patch(IReadOnlyCollection<int> changedIds, BoardCards fresh, out IReadOnlyList<BoardCell> stale, out bool unknownPlace)
    {
        var touched = new HashSet<BoardCell>();
        var changed = false;
        var byId = fresh.Cards.ToDictionary(c => c.Id);
        foreach (var id in changedIds)
        {
            var old = Find(id);
            byId.TryGetValue(id, out var now);
            if (old == now)
            {
                continue; // the echo of a change already shown, or a hidden card that stays hidden
            }

            changed = true;
            if (old is not null)
            {
                Remove(old);
                touched.Add(BoardCell.Of(old));
            }

            if (now is not null)
            {
                Add(now);
                touched.Add(BoardCell.Of(now));
            }
        }

        var counts = fresh.Counts.ToDictionary(c => new BoardCell(c.PhaseId, c.LaneId), c => c.Count);
        foreach (var cell in counts.Keys.Union(_counts.Keys).Where(c => counts.GetValueOrDefault(c) != _counts.GetValueOrDefault(c)))
        {
            touched.Add(cell);
            changed = true;
        }

        _counts = counts;
        foreach (var cell in touched)
        {
            Trim(cell);
        }

        stale = touched.Where(c => ShownIn(c) != Expected(c)).ToList();
        unknownPlace = fresh.Cards.Any(c => !HasPhase(c.PhaseId) || !HasLane(c.LaneId));
        if (changed)
        {
            Changed();
        }

        return changed;
    }

    private int Expected(BoardCell cell) => IsExpanded(cell) ? CountIn(cell) : Math.Min(CardsPerCell, CountIn(cell));

    private BoardCard? Find(int id) =>
        _cellOf.TryGetValue(id, out var cell) ? _cells[cell].Find(c => c.Id == id) : null;

    private void Add(BoardCard card)
    {
        var cell = BoardCell.Of(card);
        if (!_cells.TryGetValue(cell, out var cards))
        {
            _cells[cell] = cards = [];
        }

        var at = cards.FindIndex(c => c.Rank > card.Rank || (c.Rank == card.Rank && c.Id > card.Id));
        cards.Insert(at < 0 ? cards.Count : at, card);
        _cellOf[card.Id] = cell;
    }

    private void Remove(BoardCard card)
    {
        var cell = _cellOf[card.Id];
        _cells[cell].RemoveAll(c => c.Id == card.Id);
        _cellOf.Remove(card.Id);
    }

    private void RemoveCell(BoardCell cell)
    {
        if (_cells.Remove(cell, out var cards))
        {
            foreach (var card in cards)
            {
                _cellOf.Remove(card.Id);
            }
        }
    }

    /// <summary>A collapsed cell shows its first cards only: a card patched in below them is not shown.</summary>
    private void Trim(BoardCell cell)
    {
        if (IsExpanded(cell) || !_cells.TryGetValue(cell, out var cards) || cards.Count <= CardsPerCell)
        {
            return;
        }

        foreach (var card in cards.Skip(CardsPerCell))
        {
            _cellOf.Remove(card.Id);
        }

        cards.RemoveRange(CardsPerCell, cards.Count - CardsPerCell);
    }

    private void Changed()
    {
        ShownCards = _cells.Values.SelectMany(c => c).ToList();
        Version++;
    }
}
