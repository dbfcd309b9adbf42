using MvpPlanner.Bench.Browser;

// Usage: MvpPlanner.Bench.Browser <command> --base <app URL> [options]
//   register --email E --password P --name N   registers an account on the app's real register page
//   p2 --email E --password P --pid PID [--gcdump PATH] [--counts 40,100]
//   p3 --email E --password P [--peers 20] [--trials 5]
//   p4 --email E --password P --pid PID [--gcdump PATH] --plans 500=ID,5000=ID [--trials 3]
// Prints raw figures on stdout; the bench/p*.sh scripts write them to bench/results/.
if (args.Length == 0)
{
    Console.Error.WriteLine("Usage: MvpPlanner.Bench.Browser <register|p2|p3|p4> --base URL [options]");
    return 2;
}

var options = Options.Parse(args.Skip(1));
await using var session = await BrowserSession.StartAsync(options.Require("base"));
switch (args[0])
{
    case "register":
        await Accounts.RegisterAsync(session, options.Require("name"), options.Require("email"), options.Require("password"));
        Console.WriteLine($"registered {options.Require("email")}");
        return 0;
    case "p2":
        await CircuitMemory.RunAsync(session, options);
        return 0;
    case "p3":
        await LiveUpdates.RunAsync(session, options);
        return 0;
    case "p4":
        await LargePlans.RunAsync(session, options);
        return 0;
    default:
        Console.Error.WriteLine($"Unknown command {args[0]}");
        return 2;
}
