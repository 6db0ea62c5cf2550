using System.Text;

namespace Admin.Web.Infrastructure;

/// <summary>
/// CSV as French Excel opens it: UTF-8 with a byte-order mark, ";" between cells, CRLF lines.
/// Cells are quoted when needed, and a cell that a spreadsheet would read as a formula (=, +, -, @,
/// tab, CR) is prefixed with an apostrophe (formula injection).
/// </summary>
public sealed class CsvWriter(Stream output) : IAsyncDisposable
{
    private readonly StreamWriter _writer = new(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true)
    {
        NewLine = "\r\n",
    };

    public Task WriteRowAsync(params string?[] cells) =>
        _writer.WriteLineAsync(string.Join(';', cells.Select(Cell)));

    public static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r') text = "'" + text;
        return text.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.FlushAsync();
        await _writer.DisposeAsync();
    }
}
