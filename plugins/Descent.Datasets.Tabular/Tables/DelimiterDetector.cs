namespace Descent.Datasets.Tabular;

/// <summary>
/// Guesses the delimiter from a file's first lines: the first of tab, semicolon, comma and whitespace
/// that splits each of them into the same number (more than one) of cells; failing that, the first
/// that splits the first line at all, so that the parser then names the line that does not fit.
/// </summary>
public static class DelimiterDetector
{
    /// <summary>How many lines are looked at.</summary>
    public const int SampleLines = 20;

    /// <summary>The delimiter for <paramref name="lines"/> (content lines: no blanks, no comments); whitespace when nothing splits.</summary>
    public static Delimiter Detect(IReadOnlyList<string> lines)
    {
        var sample = lines.Take(SampleLines).ToArray();
        if (sample.Length == 0)
        {
            return Delimiter.Whitespace;
        }

        foreach (var candidate in Delimiter.Candidates)
        {
            int first = candidate.Split(sample[0]).Length;
            if (first > 1 && sample.All(l => candidate.Split(l).Length == first))
            {
                return candidate;
            }
        }

        return Delimiter.Candidates.FirstOrDefault(c => c.Split(sample[0]).Length > 1) ?? Delimiter.Whitespace;
    }
}
