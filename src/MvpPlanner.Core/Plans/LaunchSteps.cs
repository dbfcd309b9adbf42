namespace MvpPlanner.Core.Plans;

/// <summary>The typical steps of launching an MVP, from the data-driven development seed.</summary>
[Flags]
public enum LaunchSteps
{
    None = 0,
    DefineProblem = 1,
    DefinePersona = 2,
    IdentifyKeyFeatures = 4,
    Design = 8,
    Prototype = 16,
    TestAndValidate = 32,
    Launch = 64,
    Iterate = 128,
}

public static class LaunchStepCatalog
{
    public static IReadOnlyList<(LaunchSteps Step, string Title, string Hint)> All { get; } =
    [
        (LaunchSteps.DefineProblem, "Define the problem", "The problem the persona is trying to solve, and the outcomes that show it is solved."),
        (LaunchSteps.DefinePersona, "Define the persona and user group", "Who the MVP is for."),
        (LaunchSteps.IdentifyKeyFeatures, "Identify key features", "The features that solve the problems, prioritized."),
        (LaunchSteps.Design, "Design and develop", "Design the product and build it."),
        (LaunchSteps.Prototype, "Create a prototype", "Something users can try before the real thing."),
        (LaunchSteps.TestAndValidate, "Test and validate", "Check the MVP with real users."),
        (LaunchSteps.Launch, "Launch the MVP", "Make it available and start gathering data and feedback."),
        (LaunchSteps.Iterate, "Iterate and evolve", "Use the data and feedback to refine, and keep the community informed."),
    ];
}
