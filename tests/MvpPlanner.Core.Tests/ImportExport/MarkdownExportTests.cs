using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MvpPlanner.Core.ImportExport;

namespace MvpPlanner.Core.Tests.ImportExport;

/// <summary>plan.md is parsed back with Markdig (the GitHub-like pipeline: pipe tables, autolinks) to check that its
/// structure holds and that no user text turns into markup.</summary>
public sealed class MarkdownExportTests
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    [Fact]
    public void Render_FullPlan_HasTheSectionsInOrder()
    {
        var document = Markdown.Parse(MarkdownExport.Render(RenderSamples.Full(), RenderSamples.Readiness()), Pipeline);

        var sections = document.Descendants<HeadingBlock>().Where(h => h.Level == 2).Select(Text).ToList();
        sections.ShouldBe(["Vision", "Core promise", "Target outcomes", "Personas", "Problems", "Prioritised backlog", "Roadmap", "Operation", "Readiness"]);
        document.Descendants<HeadingBlock>().Count(h => h.Level == 1).ShouldBe(1);
    }

    [Fact]
    public void Render_TitleWithHashAmpersandAndTag_StaysOneLiteralHeading()
    {
        var document = Markdown.Parse(MarkdownExport.Render(RenderSamples.Full(), null), Pipeline);

        var title = document.Descendants<HeadingBlock>().Single(h => h.Level == 1);
        Text(title).ShouldBe("# Tool library & co <b>");
        title.Inline!.Descendants<HtmlInline>().ShouldBeEmpty();
    }

    [Fact]
    public void Render_ScriptInUserText_NeverBecomesHtml()
    {
        var markdown = MarkdownExport.Render(RenderSamples.Full(), RenderSamples.Readiness());
        var html = Markdown.ToHtml(markdown, Pipeline);

        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("<b>");
        html.ShouldContain("&lt;script&gt;");
        var parsed = Markdown.Parse(markdown, Pipeline);
        parsed.Descendants<HtmlBlock>().ShouldBeEmpty();
        parsed.Descendants<HtmlInline>().Select(h => h.Tag).Distinct().ShouldBe(["<br>"], "the only HTML is the line break inside table cells");
    }

    [Fact]
    public void Render_VisionLinesThatLookLikeLists_StayParagraphText()
    {
        var document = Markdown.Parse(MarkdownExport.Render(RenderSamples.Full(), null), Pipeline);

        var vision = SectionBlocks(document, "Vision");
        vision.OfType<ListBlock>().ShouldBeEmpty();
        var paragraph = vision.OfType<ParagraphBlock>().Single();
        Text(paragraph).ShouldContain("- not a list");
        Text(paragraph).ShouldContain("1. not a list either");
        paragraph.Inline!.Descendants<LineBreakInline>().Count(b => b.IsHard).ShouldBe(3);
    }

    [Fact]
    public void Render_PipesAndNewlinesInCells_KeepTheTableColumns()
    {
        var document = Markdown.Parse(MarkdownExport.Render(RenderSamples.Full(), null), Pipeline);

        var outcomes = SectionBlocks(document, "Target outcomes").OfType<Table>().Single();
        outcomes.Count.ShouldBe(2);
        var row = (TableRow)outcomes[1];
        row.Count.ShouldBe(4);
        var cell = Text((TableCell)row[0]);
        cell.ShouldBe("Loans | per weeksecond line");
        ((TableCell)row[0]).Descendants<HtmlInline>().Single().Tag.ShouldBe("<br>");
        Text((TableCell)row[3]).ShouldBe("50");

        var problems = SectionBlocks(document, "Problems").OfType<Table>().Single();
        ((TableRow)problems[1]).Count.ShouldBe(5);
        Text((TableCell)((TableRow)problems[1])[0]).ShouldBe("Tools | vanish");
        Text((TableCell)((TableRow)problems[1])[3]).ShouldBe("Lena <the lender>");
    }

    [Fact]
    public void Render_Backlog_OrderedByMoscowThenRice()
    {
        var document = Markdown.Parse(MarkdownExport.Render(RenderSamples.Full(), null), Pipeline);

        var backlog = SectionBlocks(document, "Prioritised backlog").OfType<Table>().Single();
        var rows = backlog.Skip(1).Cast<TableRow>().Select(r => (Title: Text((TableCell)r[1]), Moscow: Text((TableCell)r[2]), Rice: Text((TableCell)r[4]))).ToList();
        rows.Select(r => r.Title).ShouldBe(["Reminders", "Sign-up", "Deposit", "Catalogue " + RenderSamples.Script, "Ratings after each loan so that lenders can trust borrowers they have never met before in the neighbourhood"]);
        rows[0].Rice.ShouldBe("1000");
        rows[1].Rice.ShouldBe("5");
        rows[2].Rice.ShouldBe("–");
        rows[3].Moscow.ShouldBe("Should");
        rows[3].Rice.ShouldBe("40");
    }

    [Fact]
    public void Render_Roadmap_ShowsUnscheduledFirstThenPhasesWithDatesAndLanes()
    {
        var document = Markdown.Parse(MarkdownExport.Render(RenderSamples.Full(), null), Pipeline);

        var roadmap = SectionBlocks(document, "Roadmap");
        roadmap.OfType<HeadingBlock>().Where(h => h.Level == 3).Select(Text).ShouldBe(["Unscheduled", "Pilot", "Roll-out & grow"]);
        var pilotText = string.Join("\n", roadmap.OfType<ParagraphBlock>().Select(Text));
        pilotText.ShouldContain("1 Mar 2027 – 30 Apr 2027");
        pilotText.ShouldContain("Ten happy lenders");
        var lists = roadmap.OfType<ListBlock>().ToList();
        lists.Count.ShouldBe(3);
        lists[1].Descendants<ParagraphBlock>().Select(Text).ShouldBe(["Catalogue <script>alert('x')</script> (Should, Planned)", "Sign-up (Must, In progress)"]);
    }

    [Fact]
    public void Render_Operation_ListsProcessesUnderStagesWithOwnerToolsAndKpiLatestMeasurement()
    {
        var markdown = MarkdownExport.Render(RenderSamples.Full(), null);
        var document = Markdown.Parse(markdown, Pipeline);

        var operation = SectionBlocks(document, "Operation");
        operation.OfType<HeadingBlock>().Where(h => h.Level == 4).Select(Text).ShouldBe(["Onboarding", "Support"]);
        var process = operation.OfType<ListBlock>().Select(l => Text(l.Descendants<ParagraphBlock>().First())).Single(t => t.StartsWith("Welcome", StringComparison.Ordinal));
        process.ShouldContain("owner: Support lead (Ana)");
        process.ShouldContain("keeps the core promise");
        process.ShouldContain("tools: Shared inbox");
        var kpis = operation.OfType<Table>().Last();
        Text((TableCell)((TableRow)kpis[1])[5]).ShouldBe("18.5 h on 20 Feb 2027");
        markdown.ShouldContain("Total per month: 12.5");
    }

    [Fact]
    public void Render_Readiness_ShowsScoreAndEscapedFindings()
    {
        var document = Markdown.Parse(MarkdownExport.Render(RenderSamples.Full(), RenderSamples.Readiness()), Pipeline);

        var readiness = SectionBlocks(document, "Readiness");
        Text(readiness.OfType<ParagraphBlock>().First()).ShouldBe("Score: 78/100");
        Text(readiness.OfType<ListBlock>().Single().Descendants<ParagraphBlock>().Single())
            .ShouldBe("Medium: The Support stage has no process. Each step needs a way <of> getting done.");
    }

    [Fact]
    public void Render_OddUnicode_SurvivesAndControlCharactersAreDropped()
    {
        var plan = RenderSamples.Full() with { Plan = new PlanSection { Name = "Plan\u0007 🛠️ e\u0301 עברית\u202E" } };

        var markdown = MarkdownExport.Render(plan, null);

        markdown.ShouldNotContain("\u0007");
        var title = Markdown.Parse(markdown, Pipeline).Descendants<HeadingBlock>().First();
        Text(title).ShouldBe("Plan 🛠️ e\u0301 עברית\u202E");
        markdown.ShouldContain("Bo 🛠️ Ünïcødé עברית");
    }

    [Fact]
    public void Render_EmptyPlan_SaysWhatIsMissingInEverySection()
    {
        var markdown = MarkdownExport.Render(RenderSamples.Empty(), null);
        var document = Markdown.Parse(markdown, Pipeline);

        document.Descendants<HeadingBlock>().Where(h => h.Level == 2).Count().ShouldBe(9);
        document.Descendants<Table>().ShouldBeEmpty();
        markdown.ShouldContain("No vision written yet.");
        markdown.ShouldContain("No features yet.");
        markdown.ShouldContain("No KPIs yet.");
        markdown.ShouldContain("Readiness was not checked.");
    }

    [Theory]
    [InlineData("*bold* _it_ `code` [link](http://x) ![img](y)")]
    [InlineData("1) item")]
    [InlineData("+ plus")]
    [InlineData("=====")]
    [InlineData("> quote")]
    [InlineData("a \\ backslash ~~strike~~ &amp;")]
    [InlineData("<http://example.com> <b>x</b>")]
    public void Inline_MarkdownSyntax_RendersAsTheSameLiteralText(string text)
    {
        var document = Markdown.Parse(MarkdownText.Inline(text), Pipeline);

        var paragraph = document.OfType<ParagraphBlock>().Single();
        Text(paragraph).ShouldBe(text);
        paragraph.Inline!.Descendants<EmphasisInline>().ShouldBeEmpty();
        paragraph.Inline!.Descendants<LinkInline>().ShouldBeEmpty();
        paragraph.Inline!.Descendants<HtmlInline>().ShouldBeEmpty();
        paragraph.Inline!.Descendants<CodeInline>().ShouldBeEmpty();
    }

    /// <summary>The blocks after the level-2 heading of that name, up to the next level-2 heading.</summary>
    private static List<Block> SectionBlocks(MarkdownDocument document, string heading) =>
        document.SkipWhile(b => !(b is HeadingBlock { Level: 2 } h && Text(h) == heading)).Skip(1)
            .TakeWhile(b => b is not HeadingBlock { Level: 2 }).ToList();

    /// <summary>The literal text a reader sees (entities decoded, escapes removed, line breaks dropped).</summary>
    private static string Text(LeafBlock block) => block.Inline is null ? "" : Text(block.Inline);

    private static string Text(TableCell cell) => string.Concat(cell.Descendants<ParagraphBlock>().Select(Text));

    private static string Text(ContainerInline inline) => string.Concat(inline.Select(i => i switch
    {
        LiteralInline l => l.Content.ToString(),
        HtmlEntityInline e => e.Transcoded.ToString(),
        CodeInline c => c.Content,
        LineBreakInline => "",
        HtmlInline => "",
        ContainerInline c => Text(c),
        _ => "",
    }));
}
