using System.Text;

namespace Descent.Sweeps.Workers;

/// <summary>
/// A worker's standard error since the current trial began (<see cref="Mark"/>): kept whole up to
/// <see cref="Limit"/> characters, then the first and the last half of that, with a line saying what was left out.
/// </summary>
internal sealed class StderrTail
{
    /// <summary>Characters kept per trial.</summary>
    public const int Limit = 256 * 1024;

    private readonly object gate = new();
    private readonly StringBuilder head = new();
    private readonly Queue<string> tail = new();
    private int tailChars;
    private long dropped;

    /// <summary>Starts a new trial's text.</summary>
    public void Mark()
    {
        lock (gate)
        {
            head.Clear();
            tail.Clear();
            tailChars = 0;
            dropped = 0;
        }
    }

    /// <summary>Adds a line.</summary>
    public void Add(string line)
    {
        lock (gate)
        {
            if (head.Length + line.Length < Limit / 2)
            {
                head.AppendLine(line);
                return;
            }

            tail.Enqueue(line);
            tailChars += line.Length + 1;
            while (tailChars > Limit / 2 && tail.Count > 1)
            {
                tailChars -= tail.Dequeue().Length + 1;
                dropped++;
            }
        }
    }

    /// <summary>The text since <see cref="Mark"/>.</summary>
    public string Text()
    {
        lock (gate)
        {
            var text = new StringBuilder(head.ToString());
            if (dropped > 0)
            {
                text.AppendLine($"[... {dropped} lines left out ...]");
            }

            foreach (string line in tail)
            {
                text.AppendLine(line);
            }

            return text.ToString();
        }
    }
}
