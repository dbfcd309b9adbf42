using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace MvpPlanner.Web.Tests.Deployment;

/// <summary>One of our nginx site files in a throwaway nginx prefix: a minimal main nginx.conf that includes it,
/// a self-signed certificate for localhost where the file names /etc/ssl, loopback ports instead of 80 and 443, and
/// (when given) the test's app instances instead of the upstream addresses. Everything else is the file as shipped.</summary>
public sealed partial class NginxProxy : IAsyncDisposable
{
    private const string InstallHint = "tests/services.sh installs Debian's nginx-light";
    private readonly StringBuilder _output = new();
    private Process? _process;

    private NginxProxy(string prefix, int httpPort, int httpsPort, string certificateHash)
    {
        Prefix = prefix;
        HttpPort = httpPort;
        HttpsPort = httpsPort;
        CertificateHash = certificateHash;
    }

    public string Prefix { get; }

    public int HttpPort { get; }

    public int HttpsPort { get; }

    private string CertificateHash { get; }

    private string MainConfig => Path.Combine(Prefix, "nginx.conf");

    public Uri Https(string path) => new($"https://127.0.0.1:{HttpsPort}{path}");

    public Uri Wss(string path) => new($"wss://127.0.0.1:{HttpsPort}{path}");

    public Uri Http(string path) => new($"http://127.0.0.1:{HttpPort}{path}");

    /// <summary>A client that trusts our certificate, follows no redirects and keeps no cookies.</summary>
    public HttpClient Client() => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => IsOurCertificate(certificate) },
    });

    /// <summary>Our certificate and no other: the test trusts exactly what it generated.</summary>
    public bool IsOurCertificate(X509Certificate? certificate) =>
        certificate is not null && certificate.GetCertHashString(HashAlgorithmName.SHA256) == CertificateHash;

    /// <param name="siteFile">A file under deploy/, e.g. <c>nginx/mvpplanner-single.conf</c>.</param>
    /// <param name="instancePorts">Loopback ports to put in place of the upstream's <c>server …:5107</c> lines, in
    /// order; null keeps the addresses as shipped (enough for <c>nginx -t</c>, which connects to nothing).</param>
    public static NginxProxy Render(string siteFile, IReadOnlyList<int>? instancePorts = null)
    {
        var prefix = Directory.CreateTempSubdirectory("mvpplanner-nginx-").FullName;
        // nginx's workers run as nobody when the tests run as root: they must reach the temp folders.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(prefix, File.GetUnixFileMode(prefix) | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        var (certificate, key, hash) = WriteCertificate(prefix);
        var proxy = new NginxProxy(prefix, FreePort(), FreePort(), hash);

        var site = DeployFiles.Read(siteFile);
        site = ReplaceRequired(site, "/etc/ssl/certs/mvpplanner.crt", certificate);
        site = ReplaceRequired(site, "/etc/ssl/private/mvpplanner.key", key);
        site = Ipv6Listen().Replace(site, ""); // a container may have no IPv6
        site = ReplaceRequired(site, "listen 80;", $"listen 127.0.0.1:{proxy.HttpPort};");
        site = ReplaceRequired(site, "listen 443 ssl http2;", $"listen 127.0.0.1:{proxy.HttpsPort} ssl http2;");
        if (instancePorts is not null)
        {
            var found = InstanceServer().Count(site);
            found.ShouldBe(instancePorts.Count, $"{siteFile} should list {instancePorts.Count} instance(s) on port 5107");
            var next = 0;
            site = InstanceServer().Replace(site, match => $"{match.Groups["lead"].Value}127.0.0.1:{instancePorts[next++]}");
        }

        File.WriteAllText(Path.Combine(prefix, "site.conf"), site);
        File.WriteAllText(proxy.MainConfig, $$"""
            worker_processes 1;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log {{prefix}}/access.log;
                client_body_temp_path {{prefix}}/client_body;
                proxy_temp_path {{prefix}}/proxy;
                fastcgi_temp_path {{prefix}}/fastcgi;
                uwsgi_temp_path {{prefix}}/uwsgi;
                scgi_temp_path {{prefix}}/scgi;
                include {{prefix}}/site.conf;
            }
            """);
        return proxy;
    }

    /// <summary><c>nginx -t</c>: the configuration parses and every file it names can be opened.</summary>
    public Task<CommandResult> TestConfigurationAsync() =>
        Command.RunAsync(Binary(), ["-t", "-p", Prefix, "-c", MainConfig], TimeSpan.FromSeconds(30));

    public async Task StartAsync()
    {
        _process = new Process { StartInfo = Command.StartInfo(Binary(), ["-p", Prefix, "-c", MainConfig, "-g", "daemon off;"]) };
        _process.OutputDataReceived += (_, e) => Collect(e.Data);
        _process.ErrorDataReceived += (_, e) => Collect(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (_process.HasExited)
            {
                break;
            }

            if (await AcceptsAsync(HttpsPort) && await AcceptsAsync(HttpPort))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"nginx did not start.\n{Collected()}\n{ErrorLog()}");
    }

    /// <summary>nginx's own error log, for a failing test's message.</summary>
    public string ErrorLog()
    {
        var path = Path.Combine(Prefix, "error.log");
        return File.Exists(path) ? File.ReadAllText(path) : "";
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                await Command.RunAsync(Binary(), ["-p", Prefix, "-c", MainConfig, "-s", "stop"], TimeSpan.FromSeconds(10));
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await _process.WaitForExitAsync(wait.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                }
            }

            _process.Dispose();
        }

        try
        {
            Directory.Delete(Prefix, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail the run.
        }
        catch (UnauthorizedAccessException)
        {
            // nginx's workers may have left temp folders owned by nobody.
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Binary() => Command.Require("nginx", InstallHint);

    private static string ReplaceRequired(string text, string placeholder, string value)
    {
        text.ShouldContain(placeholder, customMessage: "the shipped nginx file changed shape; update NginxProxy");
        return text.Replace(placeholder, value, StringComparison.Ordinal);
    }

    /// <summary>A self-signed certificate for localhost and 127.0.0.1, as PEM files nginx reads. Made in .NET rather
    /// than with <c>openssl req -x509</c>: the same kind of file, one tool fewer on the machine.</summary>
    private static (string Certificate, string Key, string Hash) WriteCertificate(string prefix)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        var certificatePath = Path.Combine(prefix, "localhost.crt");
        var keyPath = Path.Combine(prefix, "localhost.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath, certificate.GetCertHashString(HashAlgorithmName.SHA256));
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private string Collected()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    [GeneratedRegex(@"^[ \t]*listen \[::\]:\d+[^;]*;[ \t]*\n", RegexOptions.Multiline)]
    private static partial Regex Ipv6Listen();

    [GeneratedRegex(@"(?<lead>^[ \t]*server[ \t]+)[^\s;]+:5107", RegexOptions.Multiline)]
    private static partial Regex InstanceServer();
}
