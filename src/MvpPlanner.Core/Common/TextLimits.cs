namespace MvpPlanner.Core.Common;

/// <summary>Column sizes shared by validators and the schema so a long paste gets a field message, not a database error.</summary>
public static class TextLimits
{
    public const int Name = 200;
    public const int Line = 500;
    public const int Text = 4000;

    /// <summary>A KPI's unit, such as "hours" or "%".</summary>
    public const int Unit = 50;
}
