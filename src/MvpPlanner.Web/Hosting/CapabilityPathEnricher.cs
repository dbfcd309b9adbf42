using Serilog.Core;
using Serilog.Events;

namespace MvpPlanner.Web.Hosting;

/// <summary>Every event logged while a request runs carries the request's path (ASP.NET's logging scope), so a line
/// logged by the feedback form would carry its link's token. This puts the same placeholder in as the request log does.</summary>
internal sealed class CapabilityPathEnricher : ILogEventEnricher
{
    private const string RequestPath = "RequestPath";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        if (logEvent.Properties.TryGetValue(RequestPath, out var value) && value is ScalarValue { Value: string path }
            && HostingExtensions.LogSafePath(path) is var safe && safe != path)
        {
            logEvent.AddOrUpdateProperty(new LogEventProperty(RequestPath, new ScalarValue(safe)));
        }
    }
}
