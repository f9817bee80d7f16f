namespace Descent.Datasets.Tabular;

/// <summary>How the cells of a line are separated: one character, or runs of spaces and tabs.</summary>
public sealed class Delimiter
{
    private readonly char? character;

    private Delimiter(char? character, string name)
    {
        this.character = character;
        Name = name;
    }

    /// <summary>A tab (the airfoil file).</summary>
    public static Delimiter Tab { get; } = new('\t', "tab");

    /// <summary>A comma.</summary>
    public static Delimiter Comma { get; } = new(',', "comma");

    /// <summary>A semicolon.</summary>
    public static Delimiter Semicolon { get; } = new(';', "semicolon");

    /// <summary>Runs of spaces and tabs; leading and trailing ones are ignored.</summary>
    public static Delimiter Whitespace { get; } = new(null, "whitespace");

    /// <summary>
    /// The candidates auto-detection tries, in order. Semicolon comes before comma because files separated
    /// by semicolons often write decimal commas, while comma-separated files rarely hold semicolons.
    /// </summary>
    public static IReadOnlyList<Delimiter> Candidates { get; } = [Tab, Semicolon, Comma, Whitespace];

    /// <summary>In messages: <c>tab</c>, <c>comma</c>, <c>'|'</c>.</summary>
    public string Name { get; }

    /// <summary>
    /// The delimiter a user named: <c>tab</c>, <c>comma</c>, <c>semicolon</c>, <c>whitespace</c>
    /// (or <c>space</c>), <c>pipe</c>, or any single character; null when the text is none of these.
    /// </summary>
    public static Delimiter? FromName(string text) => text switch
    {
        "tab" or "\t" => Tab,
        "comma" or "," => Comma,
        "semicolon" or ";" => Semicolon,
        "whitespace" or "space" or " " => Whitespace,
        "pipe" => new('|', "'|'"),
        { Length: 1 } => new(text[0], $"'{text}'"),
        _ => null,
    };

    /// <summary>The cells of <paramref name="line"/>, each trimmed of spaces and of one pair of surrounding double quotes.</summary>
    public string[] Split(string line)
    {
        var cells = character is { } c
            ? line.Split(c)
            : line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < cells.Length; i++)
        {
            string cell = cells[i].Trim();
            if (cell.Length >= 2 && cell[0] == '"' && cell[^1] == '"')
            {
                cell = cell[1..^1].Trim();
            }

            cells[i] = cell;
        }

        return cells;
    }
}
