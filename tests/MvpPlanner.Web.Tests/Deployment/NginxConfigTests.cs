using System.Text.RegularExpressions;
using MvpPlanner.Core.ImportExport;

namespace MvpPlanner.Web.Tests.Deployment;

/// <summary>The nginx files in deploy/nginx as an operator installs them: nginx itself accepts them.</summary>
public sealed partial class NginxConfigTests
{
    [Theory]
    [InlineData("nginx/mvpplanner-single.conf")]
    [InlineData("nginx/mvpplanner-cluster.conf")]
    public async Task NginxSite_AsShipped_PassesNginxConfigurationTest(string siteFile)
    {
        await using var nginx = NginxProxy.Render(siteFile);

        var result = await nginx.TestConfigurationAsync();

        result.ExitCode.ShouldBe(0, result.Output);
        result.Output.ShouldContain("test is successful");
    }

    [Theory]
    [InlineData("nginx/mvpplanner-single.conf")]
    [InlineData("nginx/mvpplanner-cluster.conf")]
    public void NginxSite_BodyLimit_TakesTheLargestFileTheAppImports(string siteFile)
    {
        var limit = BodyLimit().Match(DeployFiles.Read(siteFile));

        limit.Success.ShouldBeTrue($"{siteFile} sets client_max_body_size in megabytes");
        (long.Parse(limit.Groups["mb"].Value) * 1024 * 1024).ShouldBe(Math.Max(PlanImportService.MaxFileBytes, CsvFileReader.MaxBytes));
    }

    [GeneratedRegex(@"^\s*client_max_body_size\s+(?<mb>\d+)m;", RegexOptions.Multiline)]
    private static partial Regex BodyLimit();
}
