using System.Text.Json.Nodes;

namespace JiraGate.Jira.RichText;

/// <summary>
/// Collects the inline nodes of one block. Adjacent text with equal marks is merged, so the same content
/// always yields the same ADF however Markdig happened to split its literals (this keeps round trips a fixpoint).
/// </summary>
internal sealed class InlineBuffer
{
    private readonly List<JsonObject> _nodes = [];
    private MarkSet? _lastTextMarks;

    public int Count => _nodes.Count;

    public IReadOnlyList<JsonObject> Nodes => _nodes;

    public void AddText(string text, MarkSet marks)
    {
        if (text.Length == 0)
        {
            return; // the schema wants text of length 1 or more
        }

        marks = marks.Canonical();
        if (_lastTextMarks == marks)
        {
            var last = _nodes[^1];
            last["text"] = AdfJson.String(last, "text") + text;
            return;
        }

        _nodes.Add(AdfJson.Text(text, marks));
        _lastTextMarks = marks;
    }

    public void Add(JsonObject node)
    {
        _nodes.Add(node);
        _lastTextMarks = null;
    }

    /// <summary>Removes one trailing <c>@</c> from the last text node (the prefix of a mention); true when removed.</summary>
    public bool TrimTrailingAt()
    {
        if (_lastTextMarks is null || AdfJson.String(_nodes[^1], "text") is not { } text || !text.EndsWith('@'))
        {
            return false;
        }

        if (text.Length == 1)
        {
            _nodes.RemoveAt(_nodes.Count - 1);
            _lastTextMarks = null;
        }
        else
        {
            _nodes[^1]["text"] = text[..^1];
        }

        return true;
    }

    /// <summary>A copy of the collected nodes.</summary>
    public List<JsonObject> ToList() => [.. _nodes];
}
