using System.Globalization;
using System.Text;

namespace JiraGate.Cli.Admin;

/// <summary>A plain aligned text table: a header row, then rows; columns padded to their widest cell.</summary>
internal sealed class Table
{
    private readonly string[] _headers;
    private readonly List<string[]> _rows = [];

    public Table(params string[] headers) => _headers = headers;

    public int Count => _rows.Count;

    public Table Add(params string?[] cells)
    {
        _rows.Add(cells.Select(c => Clean(c ?? "")).ToArray());
        return this;
    }

    public void WriteTo(TextWriter writer, string? empty = null)
    {
        if (_rows.Count == 0 && empty is not null)
        {
            writer.WriteLine(empty);
            return;
        }
        var widths = _headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => i < r.Length ? r[i].Length : 0))).ToArray();
        WriteRow(writer, _headers, widths);
        foreach (var row in _rows)
        {
            WriteRow(writer, row, widths);
        }
    }

    /// <summary>A timestamp as people read it in a table: UTC, seconds.</summary>
    public static string Time(DateTimeOffset? at) =>
        at?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";

    private static void WriteRow(TextWriter writer, string[] cells, int[] widths)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < widths.Length; i++)
        {
            var cell = i < cells.Length ? cells[i] : "";
            sb.Append(i == widths.Length - 1 ? cell : cell.PadRight(widths[i] + 2));
        }
        writer.WriteLine(sb.ToString().TrimEnd());
    }

    // One row per line: control characters from stored data (agent names, comments) must not break the layout.
    private static string Clean(string cell) =>
        cell.Any(char.IsControl) ? new string(cell.Select(c => char.IsControl(c) ? ' ' : c).ToArray()) : cell;
}
