using System.Text;

namespace Admin.Web.Infrastructure;

/// <summary>
/// CSV as French Excel opens it: UTF-8 with a byte-order mark, ";" between cells, CRLF lines.
/// Cells are quoted when needed, and a cell that a spreadsheet would read as a formula (=, +, -, @,
/// tab, CR) is prefixed with an apostrophe (formula injection). A row is built in one reused buffer and
/// written at once, so a long export allocates nothing that grows with it.
/// </summary>
public sealed class CsvWriter(Stream output) : IAsyncDisposable
{
    private readonly StreamWriter _writer = new(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true)
    {
        NewLine = "\r\n",
    };

    private readonly StringBuilder _row = new(256);

    public Task WriteRowAsync(params string?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        _row.Clear();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0) _row.Append(';');
            AppendCell(_row, cells[i]);
        }

        return _writer.WriteLineAsync(_row);
    }

    /// <summary>Sends what is buffered to the output (a streamed download shows its progress, and holds no more than a buffer).</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        await _writer.FlushAsync(ct);
        await output.FlushAsync(ct);
    }

    public static string Cell(string? value)
    {
        var cell = new StringBuilder();
        AppendCell(cell, value);
        return cell.ToString();
    }

    private static void AppendCell(StringBuilder row, string? value)
    {
        var text = value ?? "";
        var formula = text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
        if (text.IndexOfAny([';', '"', '\n', '\r']) < 0)
        {
            if (formula) row.Append('\'');
            row.Append(text);
            return;
        }

        row.Append('"');
        if (formula) row.Append('\'');
        row.Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.FlushAsync();
        await _writer.DisposeAsync();
    }
}
