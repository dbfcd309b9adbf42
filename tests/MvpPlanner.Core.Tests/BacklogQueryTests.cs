using MvpPlanner.Core.Accounts;
using MvpPlanner.Core.Features;
using MvpPlanner.Core.Roadmap;
using MvpPlanner.Core.Tests.Infrastructure;

namespace MvpPlanner.Core.Tests;

/// <summary>The paged backlog query against real SQLite: every page, sort and filter is checked against the same
/// rule applied in memory to the whole backlog.</summary>
public class BacklogQueryTests
{
    private static readonly string[] Titles =
    [
        "Offline mode", "Dark theme", "Export to CSV", "50% off coupons", "snake_case ids", "Über-Suche", "École finder",
        "Cost 100%", "Plain", "über alles", "日本語 search", "a_b test", "Résumé upload", "ÜBER loud",
    ];

    private static readonly string[] Owners = ["Alice", "bob", "", "Zoë", "ÅSA"];

    [Fact]
    public async Task QueryAsync_PagesInDefaultOrder_AreDisjointStableAndCoverEveryRow()
    {
        await using var test = await TestDatabase.CreateAsync();
        var backlog = await Backlog.CreateAsync(test);

        var pages = await backlog.AllPagesAsync(new BacklogQuery { Take = 7 });

        pages.SelectMany(p => p).ShouldBe((await backlog.Service.ListAsync(backlog.PlanId)).Select(r => r.Id));
        pages.SelectMany(p => p).ShouldBeUnique();
        pages.Take(pages.Count - 1).ShouldAllBe(p => p.Count == 7);
    }

    [Theory]
    [InlineData(BacklogSort.Title, false)]
    [InlineData(BacklogSort.Status, true)]
    [InlineData(BacklogSort.Moscow, false)]
    [InlineData(BacklogSort.Moscow, true)]
    [InlineData(BacklogSort.Reach, false)]
    [InlineData(BacklogSort.Impact, true)]
    [InlineData(BacklogSort.Confidence, false)]
    [InlineData(BacklogSort.Effort, true)]
    [InlineData(BacklogSort.Rice, false)]
    [InlineData(BacklogSort.Rice, true)]
    [InlineData(BacklogSort.Value, false)]
    [InlineData(BacklogSort.Size, true)]
    [InlineData(BacklogSort.Phase, false)]
    [InlineData(BacklogSort.Phase, true)]
    [InlineData(BacklogSort.Lane, false)]
    [InlineData(BacklogSort.Owner, true)]
    public async Task QueryAsync_SortedAcrossPages_MatchesSortingEverythingInMemory(BacklogSort sort, bool descending)
    {
        await using var test = await TestDatabase.CreateAsync();
        var backlog = await Backlog.CreateAsync(test);
        var all = await backlog.Service.ListAsync(backlog.PlanId);

        var pages = await backlog.AllPagesAsync(new BacklogQuery { Sort = sort, Descending = descending, Take = 9 });

        pages.SelectMany(p => p).ShouldBe(backlog.SortInMemory(all, sort, descending));
    }

    [Fact]
    public async Task QueryAsync_EachFilter_ReturnsExactlyTheMatchingRowsAndTheirCount()
    {
        await using var test = await TestDatabase.CreateAsync();
        var backlog = await Backlog.CreateAsync(test);
        var all = await backlog.Service.ListAsync(backlog.PlanId);
        BacklogFilter[] filters =
        [
            BacklogFilter.Empty with { PersonaId = backlog.PersonaIds[0] },
            BacklogFilter.Empty with { PersonaId = backlog.PersonaIds[1] },
            BacklogFilter.Empty with { ProblemId = backlog.ProblemIds[2] },
            BacklogFilter.Empty with { PhaseId = BacklogFilter.NoneId },
            BacklogFilter.Empty with { PhaseId = backlog.Board.Phases[1].Id },
            BacklogFilter.Empty with { LaneId = BacklogFilter.NoneId },
            BacklogFilter.Empty with { LaneId = backlog.Board.Lanes[0].Id },
            BacklogFilter.Empty with { Status = FeatureStatus.Shipped },
            BacklogFilter.Empty with { Moscow = Moscow.Unset },
            BacklogFilter.Empty with { Moscow = Moscow.Must, PhaseId = BacklogFilter.NoneId },
        ];

        foreach (var filter in filters)
        {
            var slice = await backlog.Service.QueryAsync(backlog.PlanId, new BacklogQuery { Filter = filter, Take = BacklogQuery.MaxTake });

            var expected = all.Where(filter.Matches).Select(r => r.Id).ToList();
            expected.ShouldNotBeEmpty(filter.ToString());
            slice.Rows.Select(r => r.Id).ShouldBe(expected, ignoreOrder: true, filter.ToString());
            slice.MatchingCount.ShouldBe(expected.Count);
            slice.PlanCount.ShouldBe(all.Count);
        }
    }

    [Theory]
    [InlineData("%", new[] { "50% off coupons", "Cost 100%" })]
    [InlineData("0%", new[] { "50% off coupons", "Cost 100%" })]
    [InlineData("_", new[] { "snake_case ids", "a_b test" })]
    [InlineData("A_B", new[] { "a_b test" })]
    [InlineData("über", new[] { "Über-Suche", "über alles", "ÜBER loud" })]
    [InlineData("ÉCOLE", new[] { "École finder" })]
    [InlineData("日本", new[] { "日本語 search" })]
    [InlineData("  résumé ", new[] { "Résumé upload" })]
    public async Task QueryAsync_SearchWithWildcardsOrNonAsciiLetters_MatchesTheTextLiterallyIgnoringCase(string search, string[] titles)
    {
        await using var test = await TestDatabase.CreateAsync();
        var backlog = await Backlog.CreateAsync(test);

        var slice = await backlog.Service.QueryAsync(backlog.PlanId, new BacklogQuery { Filter = BacklogFilter.Empty with { Search = search }, Take = BacklogQuery.MaxTake });

        slice.Rows.Select(r => r.Title).Distinct().ShouldBe(titles, ignoreOrder: true);
        var all = await backlog.Service.ListAsync(backlog.PlanId);
        slice.Rows.Select(r => r.Id).ShouldBe(all.Where(new BacklogFilter { Search = search }.Matches).Select(r => r.Id), ignoreOrder: true);
    }

    [Fact]
    public async Task QueryAsync_SearchOwnerOrDescription_FindsTheFeature()
    {
        await using var test = await TestDatabase.CreateAsync();
        var backlog = await Backlog.CreateAsync(test);

        var byOwner = await backlog.Service.QueryAsync(backlog.PlanId, new BacklogQuery { Filter = BacklogFilter.Empty with { Search = "zoë" }, Take = 200 });
        var byDescription = await backlog.Service.QueryAsync(backlog.PlanId, new BacklogQuery { Filter = BacklogFilter.Empty with { Search = "NUMBER 7 " }, Take = 200 });

        byOwner.Rows.ShouldNotBeEmpty();
        byOwner.Rows.ShouldAllBe(r => r.Owner == "Zoë");
        byDescription.Rows.Select(r => r.Description).ShouldBe(["Feature number 7 of the backlog"]);
    }

    [Fact]
    public async Task QueryAsync_Viewer_GetsRowsAndOutsiderGetsNothing()
    {
        await using var test = await TestDatabase.CreateAsync();
        var backlog = await Backlog.CreateAsync(test);
        var viewer = await test.CreateMemberAsync("Vic Viewer", WorkspaceRole.Viewer);
        var (outsider, _) = await test.CreateOutsiderAsync();

        test.ActAs(viewer);
        var seen = await backlog.Service.QueryAsync(backlog.PlanId, new BacklogQuery { Take = 5 });
        test.ActAs(outsider);
        var hidden = await backlog.Service.QueryAsync(backlog.PlanId, new BacklogQuery { Take = 5 });

        seen.Rows.Count.ShouldBe(5);
        seen.PlanCount.ShouldBe(backlog.Count);
        hidden.ShouldBe(BacklogSlice.Empty);
    }

    [Fact]
    public async Task GetLookupsAsync_Plan_ListsPersonasProblemsPhasesAndLanes()
    {
        await using var test = await TestDatabase.CreateAsync();
        var backlog = await Backlog.CreateAsync(test);

        var lookups = await backlog.Service.GetLookupsAsync(backlog.PlanId);

        lookups.Personas.Select(p => p.Id).ShouldBe(backlog.PersonaIds, ignoreOrder: true);
        lookups.Problems.Select(p => p.Id).ShouldBe(backlog.ProblemIds, ignoreOrder: true);
        lookups.Phases.ShouldBe(backlog.Board.Phases);
        lookups.Lanes.ShouldBe(backlog.Board.Lanes);
    }

    /// <summary>A plan with a varied backlog: every column has equal values, missing values and odd text.</summary>
    private sealed record Backlog(TestDatabase Test, int PlanId, RoadmapBoard Board, int[] PersonaIds, int[] ProblemIds, int Count)
    {
        public FeatureService Service => Test.Get<FeatureService>();

        public static async Task<Backlog> CreateAsync(TestDatabase test)
        {
            var planId = await test.CreatePlanAsync();
            var board = await test.GetBoardAsync(planId);
            int[] personas = [await test.CreatePersonaAsync(planId, "Bo"), await test.CreatePersonaAsync(planId, "Lena")];
            int[] problems =
            [
                await test.CreateProblemAsync(planId, "Cannot find tools", personas[0]),
                await test.CreateProblemAsync(planId, "Loses track of loans", personas[1]),
                await test.CreateProblemAsync(planId, "Pays twice", personas[0], personas[1]),
            ];

            // Inputs whose RICE score is exact in binary, so SQL and .NET round it the same way.
            double[] efforts = [0.5, 1, 2, 4];
            var random = new Random(7);
            const int count = 47;
            for (var i = 0; i < count; i++)
            {
                var result = await test.Get<FeatureService>().CreateAsync(planId, new FeatureInput
                {
                    Title = Titles[i % Titles.Length],
                    Description = $"Feature number {i} of the backlog",
                    Owner = Owners[random.Next(Owners.Length)],
                    Status = (FeatureStatus)random.Next(5),
                    Moscow = (Moscow)random.Next(5),
                    Reach = random.Next(4) == 0 ? null : random.Next(1, 4) * 10,
                    Impact = random.Next(4) == 0 ? null : Rice.ImpactScale[random.Next(Rice.ImpactScale.Count)].Value,
                    Confidence = random.Next(4) == 0 ? null : random.Next(2) == 0 ? 50 : 100,
                    Effort = random.Next(4) == 0 ? null : efforts[random.Next(efforts.Length)],
                    Value = random.Next(3) == 0 ? null : random.Next(1, 6),
                    EffortSize = random.Next(3) == 0 ? null : random.Next(1, 6),
                    PhaseId = random.Next(3) == 0 ? null : board.Phases[random.Next(board.Phases.Count)].Id,
                    LaneId = random.Next(3) == 0 ? null : board.Lanes[random.Next(board.Lanes.Count)].Id,
                    ProblemIds = problems.Where(_ => random.Next(3) == 0).ToList(),
                });
                result.Succeeded.ShouldBeTrue(result.Message);
            }

            return new Backlog(test, planId, board, personas, problems, count);
        }

        public async Task<List<List<int>>> AllPagesAsync(BacklogQuery query)
        {
            var pages = new List<List<int>>();
            for (var skip = 0; ; skip += query.Take)
            {
                var slice = await Service.QueryAsync(PlanId, query with { Skip = skip });
                if (slice.Rows.Count == 0)
                {
                    return pages;
                }

                slice.MatchingCount.ShouldBe(Count);
                pages.Add(slice.Rows.Select(r => r.Id).ToList());
            }
        }

        /// <summary>The order the grid promises: by the column, missing values last either way, then by id.</summary>
        public IEnumerable<int> SortInMemory(IEnumerable<FeatureRow> rows, BacklogSort sort, bool descending)
        {
            Func<FeatureRow, IComparable?> key = sort switch
            {
                BacklogSort.Title => r => r.Title.ToLowerInvariant(),
                BacklogSort.Status => r => (int)r.Status,
                BacklogSort.Moscow => r => r.Moscow == Moscow.Unset ? null : (int)r.Moscow,
                BacklogSort.Reach => r => r.Reach,
                BacklogSort.Impact => r => r.Impact,
                BacklogSort.Confidence => r => r.Confidence,
                BacklogSort.Effort => r => r.Effort,
                BacklogSort.Rice => r => r.RiceScore,
                BacklogSort.Value => r => r.Value,
                BacklogSort.Size => r => r.EffortSize,
                BacklogSort.Phase => r => Board.Phases.FirstOrDefault(p => p.Id == r.PhaseId)?.Order,
                BacklogSort.Lane => r => Board.Lanes.FirstOrDefault(l => l.Id == r.LaneId)?.Order,
                BacklogSort.Owner => r => r.Owner.Length == 0 ? null : r.Owner.ToLowerInvariant(),
                _ => throw new ArgumentOutOfRangeException(nameof(sort)),
            };
            var comparer = Comparer<IComparable?>.Create((a, b) => a is string x && b is string y ? string.CompareOrdinal(x, y) : Comparer<IComparable?>.Default.Compare(a, b));
            var present = rows.OrderBy(r => key(r) is null);
            var ordered = descending ? present.ThenByDescending(key, comparer) : present.ThenBy(key, comparer);
            return ordered.ThenBy(r => r.Id).Select(r => r.Id);
        }
    }
}
