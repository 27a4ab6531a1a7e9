namespace JiraGate.Sandbox.Model;

public static class SprintStates
{
    public const string Future = "future";
    public const string Active = "active";
    public const string Closed = "closed";
}

public sealed class Board
{
    public required long Id { get; set; }
    public required string Name { get; set; }
    /// <summary>scrum | kanban | simple.</summary>
    public required string Type { get; set; }
    public required long ProjectId { get; set; }
    /// <summary>The board's filter, as JQL.</summary>
    public required string FilterJql { get; set; }
}

public sealed class Sprint
{
    public required long Id { get; set; }
    public required long OriginBoardId { get; set; }
    public required string Name { get; set; }
    public required string State { get; set; }
    public DateTimeOffset? StartDate { get; set; }
    public DateTimeOffset? EndDate { get; set; }
    public DateTimeOffset? CompleteDate { get; set; }
    public DateTimeOffset? CreatedDate { get; set; }
    public string Goal { get; set; } = "";
}
