namespace MlNetMlp.Tests.Documentation;

/// <summary>A fenced code block of a Markdown file: its text and the file line of its first code line (1-based).</summary>
internal sealed record ReadmeBlock(int FirstLine, string Code);

/// <summary>Finds the fenced code blocks of one language in a Markdown file.</summary>
internal static class ReadmeBlocks
{
    public static IReadOnlyList<ReadmeBlock> Read(string path, string language)
    {
        var lines = File.ReadAllLines(path);
        var blocks = new List<ReadmeBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```" + language)
            {
                continue;
            }

            var end = Array.FindIndex(lines, i + 1, line => line.Trim() == "```");
            Assert.IsGreaterThan(i, end, $"{path}: the ```{language} block at line {i + 1} is not closed");
            blocks.Add(new ReadmeBlock(i + 2, string.Join("\n", lines[(i + 1)..end])));
            i = end;
        }

        return blocks;
    }
}
