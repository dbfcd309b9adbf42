using System.Text;

namespace MvpPlanner.Web.Tests.Http;

/// <summary>A minimal RFC 5545 reader for the tests: checks the physical form (CRLF, at most 75 octets per line, no
/// bare line breaks) while it unfolds, then builds the BEGIN/END tree and unescapes text values.</summary>
internal sealed class MiniICalendar
{
    private readonly List<(string Name, string Parameters, string Value)> _properties = [];

    public required string Name { get; init; }

    public List<MiniICalendar> Children { get; } = [];

    public string? Value(string name) => _properties.Where(p => p.Name == name).Select(p => Unescape(p.Value)).FirstOrDefault();

    public (string Parameters, string Value) Property(string name) => _properties.Where(p => p.Name == name).Select(p => (p.Parameters, p.Value)).Single();

    public static MiniICalendar Parse(string text)
    {
        text.ShouldEndWith("\r\n");
        var logical = new List<string>();
        foreach (var line in text[..^2].Split("\r\n"))
        {
            Encoding.UTF8.GetByteCount(line).ShouldBeLessThanOrEqualTo(75, $"line too long: {line}");
            line.ShouldNotContain('\n');
            line.ShouldNotContain('\r');
            if (line.StartsWith(' ') || line.StartsWith('\t'))
            {
                logical[^1] += line[1..];
            }
            else
            {
                logical.Add(line);
            }
        }

        var stack = new Stack<MiniICalendar>();
        MiniICalendar? root = null;
        foreach (var line in logical)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            colon.ShouldBeGreaterThan(0, $"not a content line: {line}");
            var head = line[..colon];
            var value = line[(colon + 1)..];
            var semicolon = head.IndexOf(';', StringComparison.Ordinal);
            var name = semicolon < 0 ? head : head[..semicolon];
            name.ShouldMatch("^[A-Z0-9-]+$");
            switch (name)
            {
                case "BEGIN":
                    var component = new MiniICalendar { Name = value };
                    if (stack.TryPeek(out var parent))
                    {
                        parent.Children.Add(component);
                    }
                    else
                    {
                        root.ShouldBeNull("only one calendar per feed");
                        root = component;
                    }

                    stack.Push(component);
                    break;
                case "END":
                    stack.Pop().Name.ShouldBe(value);
                    break;
                default:
                    stack.Count.ShouldBeGreaterThan(0, $"property outside a component: {line}");
                    stack.Peek()._properties.Add((name, semicolon < 0 ? "" : head[(semicolon + 1)..], value));
                    break;
            }
        }

        stack.ShouldBeEmpty();
        return root.ShouldNotBeNull();
    }

    private static string Unescape(string value)
    {
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                i++;
                text.Append(value[i] is 'n' or 'N' ? '\n' : value[i]);
            }
            else
            {
                value[i].ShouldNotBeOneOf(';', ',');
                text.Append(value[i]);
            }
        }

        return text.ToString();
    }
}
