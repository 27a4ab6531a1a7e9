using System.Text;
using System.Text.Json.Nodes;

namespace JiraGate.Sandbox.Tests.Adf;

/// <summary>Random paragraphs in the canonical form WikiMarkup.ToAdf produces, for round-trip testing.</summary>
internal static class RandomAdf
{
    private const string Alphabet = "ab1 é*_-+^~{}[]|\\&#!;h.q:/";
    private static readonly string[] Hrefs = ["https://x.test", "https://y.test/a_b", "mailto:a@b.test"];
    private static readonly string[] MentionIds = ["5b10ac8d82e05b22cc7d4ef5", "jsmith", "557058:f58131cb-b67d-43c7-b30d-6b58d40bd077"];

    public static JsonObject Document(Random random)
    {
        var blocks = new JsonArray();
        var count = random.Next(1, 4);
        while (blocks.Count < count)
        {
            if (Paragraph(random) is { } paragraph)
            {
                blocks.Add(paragraph);
            }
        }

        return new JsonObject { ["type"] = "doc", ["version"] = 1, ["content"] = blocks };
    }

    /// <summary>A paragraph, or null when it came out whitespace-only (a blank line in wiki markup).</summary>
    private static JsonObject? Paragraph(Random random)
    {
        var content = new JsonArray();
        var count = random.Next(1, 7);
        for (var i = 0; i < count; i++)
        {
            var roll = random.Next(10);
            if (roll == 0)
            {
                content.Add(new JsonObject { ["type"] = "hardBreak" });
            }
            else if (roll == 1)
            {
                content.Add(new JsonObject
                {
                    ["type"] = "mention",
                    ["attrs"] = new JsonObject { ["id"] = MentionIds[random.Next(MentionIds.Length)] },
                });
            }
            else
            {
                AddText(content, RandomText(random), RandomMarks(random));
            }
        }

        var onlyWhitespace = content.All(n => n!["type"]!.GetValue<string>() == "text" &&
                                              string.IsNullOrWhiteSpace(n["text"]!.GetValue<string>()));
        return onlyWhitespace ? null : new JsonObject { ["type"] = "paragraph", ["content"] = content };
    }

    private static string RandomText(Random random)
    {
        var sb = new StringBuilder();
        var length = random.Next(1, 7);
        for (var i = 0; i < length; i++)
        {
            sb.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return sb.ToString();
    }

    /// <summary>Marks in canonical order: link, strong, em, strike, underline, subsup; code only with link.</summary>
    private static JsonArray RandomMarks(Random random)
    {
        var marks = new JsonArray();
        if (random.Next(4) == 0)
        {
            marks.Add(new JsonObject
            {
                ["type"] = "link",
                ["attrs"] = new JsonObject { ["href"] = Hrefs[random.Next(Hrefs.Length)] },
            });
        }

        if (random.Next(6) == 0)
        {
            marks.Add(new JsonObject { ["type"] = "code" });
            return marks;
        }

        foreach (var type in new[] { "strong", "em", "strike", "underline" })
        {
            if (random.Next(4) == 0)
            {
                marks.Add(new JsonObject { ["type"] = type });
            }
        }

        if (random.Next(6) == 0)
        {
            marks.Add(new JsonObject
            {
                ["type"] = "subsup",
                ["attrs"] = new JsonObject { ["type"] = random.Next(2) == 0 ? "sub" : "sup" },
            });
        }

        return marks;
    }

    /// <summary>Appends text, merging it into the previous text node when the marks are equal (canonical form).</summary>
    private static void AddText(JsonArray content, string text, JsonArray marks)
    {
        if (content.Count > 0 && content[^1] is JsonObject last && last["type"]!.GetValue<string>() == "text" &&
            JsonNode.DeepEquals(last["marks"] ?? new JsonArray(), marks))
        {
            last["text"] = last["text"]!.GetValue<string>() + text;
            return;
        }

        var node = new JsonObject { ["type"] = "text", ["text"] = text };
        if (marks.Count > 0)
        {
            node["marks"] = marks;
        }

        content.Add(node);
    }
}
