using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using JiraGate.Jira.Models;

namespace JiraGate.Jira;

/// <summary>
/// The site's fields, looked up the way a person names them: by id or key (<c>customfield_10016</c>), JQL clause
/// name (<c>cf[10016]</c>), or display name ("Story Points", case-insensitive). Custom field ids differ per site, so
/// helpers resolve display names here instead of hard-coding ids. Get one from
/// <see cref="MetadataClient.GetFieldCatalogAsync"/>; it is a snapshot and safe to share between threads.
/// </summary>
public sealed class FieldCatalog
{
    private readonly Dictionary<string, Field> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Field>> _byName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Builds a catalog over a list of fields (as /field returned them).</summary>
    /// <param name="fields">The fields.</param>
    public FieldCatalog(IEnumerable<Field> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Fields = [.. fields];
        foreach (var field in Fields)
        {
            _byId.TryAdd(field.Id, field);
            if (field.Key is { Length: > 0 } key)
            {
                _byId.TryAdd(key, field);
            }
            if (field.Name is { Length: > 0 } name)
            {
                var trimmed = name.Trim();
                if (!_byName.TryGetValue(trimmed, out var list))
                {
                    _byName[trimmed] = list = [];
                }
                list.Add(field);
            }
        }
    }

    /// <summary>Every field, in the order Jira listed them.</summary>
    public IReadOnlyList<Field> Fields { get; }

    /// <summary>The field with this id or key (exact), or with this custom-field clause name (<c>cf[10016]</c>).</summary>
    /// <param name="idOrKey">The id, key or cf[N] clause.</param>
    /// <returns>The field, or null.</returns>
    public Field? FindById(string idOrKey)
    {
        ArgumentNullException.ThrowIfNull(idOrKey);
        var trimmed = idOrKey.Trim();
        if (_byId.TryGetValue(trimmed, out var field))
        {
            return field;
        }
        // cf[10016] is JQL's name for customfield_10016.
        if (trimmed.StartsWith("cf[", StringComparison.OrdinalIgnoreCase) && trimmed.EndsWith(']')
            && long.TryParse(trimmed.AsSpan(3, trimmed.Length - 4), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return _byId.GetValueOrDefault("customfield_" + number.ToString(CultureInfo.InvariantCulture));
        }
        return null;
    }

    /// <summary>Every field whose display name is <paramref name="name"/>, ignoring case and surrounding spaces.</summary>
    /// <param name="name">The display name.</param>
    /// <returns>The matches (more than one when the site has duplicate names).</returns>
    public IReadOnlyList<Field> FindByName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.TryGetValue(name.Trim(), out var list) ? list : [];
    }

    /// <summary>
    /// Resolves an id, key, cf[N] clause or display name to exactly one field. An id or key wins over a name, so
    /// <c>summary</c> is always the system field.
    /// </summary>
    /// <param name="idOrName">What a caller called the field, e.g. "Story Points" or customfield_10016.</param>
    /// <returns>The field.</returns>
    /// <exception cref="FieldResolutionException">No field, or several fields, go by that name.</exception>
    public Field Resolve(string idOrName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idOrName);
        if (FindById(idOrName) is { } byId)
        {
            return byId;
        }
        var byName = FindByName(idOrName);
        return byName.Count switch
        {
            1 => byName[0],
            0 => throw new FieldResolutionException(idOrName, [],
                $"No field is named '{idOrName.Trim()}' and none has that id.{Suggest(idOrName)}"),
            _ => throw new FieldResolutionException(idOrName, byName,
                $"'{idOrName.Trim()}' is ambiguous: {byName.Count} fields have that name ({string.Join(", ", byName.Select(f => f.Id))}). Use the field id instead."),
        };
    }

    /// <summary>Like <see cref="Resolve"/>, without throwing: false when no field or several fields match.</summary>
    /// <param name="idOrName">The id, key, clause or display name.</param>
    /// <param name="field">The field when exactly one matched.</param>
    /// <returns>True when exactly one field matched.</returns>
    public bool TryResolve(string idOrName, [NotNullWhen(true)] out Field? field)
    {
        field = null;
        if (string.IsNullOrWhiteSpace(idOrName))
        {
            return false;
        }
        field = FindById(idOrName);
        if (field is null && FindByName(idOrName) is { Count: 1 } one)
        {
            field = one[0];
        }
        return field is not null;
    }

    /// <summary>Names that contain the asked text, to help a caller who mistyped.</summary>
    private string Suggest(string asked)
    {
        var text = asked.Trim();
        var close = _byName.Keys.Where(n => n.Contains(text, StringComparison.OrdinalIgnoreCase)
            || text.Contains(n, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.OrdinalIgnoreCase).Take(5).ToList();
        return close.Count == 0 ? "" : " Did you mean " + string.Join(", ", close.Select(n => "'" + n + "'")) + "?";
    }
}

/// <summary>A field name that matches no field, or several (<see cref="Candidates"/>).</summary>
public sealed class FieldResolutionException : ArgumentException
{
    internal FieldResolutionException(string requested, IReadOnlyList<Field> candidates, string message)
        : base(message)
    {
        Requested = requested;
        Candidates = candidates;
    }

    /// <summary>What the caller asked for.</summary>
    public string Requested { get; }

    /// <summary>The fields that share the name when it was ambiguous; empty when none matched.</summary>
    public IReadOnlyList<Field> Candidates { get; }
}
