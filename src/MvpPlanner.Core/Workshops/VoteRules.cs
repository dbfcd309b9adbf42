namespace MvpPlanner.Core.Workshops;

public sealed record VoteResult(int ItemId, string Label, int Dots, int Voters, double Disagreement, IReadOnlyList<(string UserName, int Dots)> ByVoter);

/// <summary>The rules of dot voting, pure so they are easy to test.</summary>
public static class VoteRules
{
    /// <summary>Why a dot cannot be placed, or null when it can.</summary>
    public static string? WhyNotPlace(VoteRound round, IReadOnlyCollection<Vote> myVotes, int itemId)
    {
        if (round.IsRevealed)
        {
            return "Voting has ended: the results are revealed.";
        }

        if (round.Items.All(i => i.ItemId != itemId))
        {
            return "That item is not part of this vote.";
        }

        if (myVotes.Sum(v => v.Dots) >= round.DotsPerPerson)
        {
            return $"You have used all your {round.DotsPerPerson} dots. Take one back to move it.";
        }

        if (!round.AllowSeveralDotsPerItem && myVotes.Any(v => v.ItemId == itemId && v.Dots > 0))
        {
            return "In this vote each item takes at most one dot from you.";
        }

        return null;
    }

    /// <summary>Totals per item, most dots first, with how much the group disagrees: 0 when everyone (or no one)
    /// gave it dots, 1 when exactly half of the voters did.</summary>
    public static IReadOnlyList<VoteResult> Results(VoteRound round)
    {
        var voters = round.Votes.Where(v => v.Dots > 0).Select(v => v.UserId).Distinct().Count();
        return round.Items
            .Select(item =>
            {
                var votes = round.Votes.Where(v => v.ItemId == item.ItemId && v.Dots > 0).ToList();
                var share = voters == 0 ? 0 : votes.Select(v => v.UserId).Distinct().Count() / (double)voters;
                return new VoteResult(item.ItemId, item.Label, votes.Sum(v => v.Dots), votes.Select(v => v.UserId).Distinct().Count(),
                    Math.Round(1 - Math.Abs((2 * share) - 1), 2),
                    votes.GroupBy(v => v.UserName).Select(g => (g.Key, g.Sum(v => v.Dots))).OrderByDescending(x => x.Item2).ToList());
            })
            .OrderByDescending(r => r.Dots).ThenBy(r => r.Label, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>Maps vote totals onto the 1–5 scale used for value (features) and severity (problems): the most
    /// voted item gets 5, an item with no dots 1.</summary>
    public static int ToScale(int dots, int maxDots) => maxDots == 0 ? 1 : 1 + (int)Math.Round(4.0 * dots / maxDots);
}
