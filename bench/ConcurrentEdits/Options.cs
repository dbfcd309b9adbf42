using System.Globalization;
using MvpPlanner.Core.Data;

namespace MvpPlanner.Bench.ConcurrentEdits;

/// <param name="BlindRetry">The control run: a shared-counter bump that meets a conflict takes the newer version but
/// saves its stale value anyway (what a client that ignores conflicts would do), so the checks must find lost updates.</param>
internal sealed record Options(DatabaseProvider Provider, string Connection, int Editors, int Changes, bool BlindRetry)
{
    public const string Usage =
        "Usage: MvpPlanner.Bench.ConcurrentEdits --provider PostgreSql|Sqlite --connection <string> [--editors 8] [--changes 50] [--blind-retry]\n" +
        "The database must be new (empty or not yet created): the tool migrates it and writes one plan into it.";

    public static Options? Parse(string[] args)
    {
        DatabaseProvider? provider = null;
        string? connection = null;
        var editors = 8;
        var changes = 50;
        var blindRetry = args.Contains("--blind-retry");
        args = [.. args.Where(a => a != "--blind-retry")];
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--provider" when Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var p):
                    provider = p;
                    break;
                case "--connection":
                    connection = value;
                    break;
                case "--editors" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0:
                    editors = n;
                    break;
                case "--changes" when int.TryParse(value, CultureInfo.InvariantCulture, out var m) && m > 0:
                    changes = m;
                    break;
                default:
                    return null;
            }
        }

        return args.Length % 2 == 0 && provider is { } chosen && !string.IsNullOrEmpty(connection)
            ? new Options(chosen, connection, editors, changes, blindRetry)
            : null;
    }
}
