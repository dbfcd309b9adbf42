namespace MvpPlanner.Web.Tests.Deployment;

/// <summary>The operator's files under <c>deploy/</c>, found from the test binaries.</summary>
public static class DeployFiles
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(RepositoryRoot, "deploy", relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MvpPlanner.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No MvpPlanner.sln above {AppContext.BaseDirectory}.");
    }
}
