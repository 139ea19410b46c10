namespace Opside.DataPlane.Reports;

/// <summary>
/// Reads text and refuses a physical line longer than a limit, naming it, before the CSV reader buffers it: a document
/// without line breaks (a gzip of zeros, a binary file) would otherwise grow one row until memory or the reader's
/// own maximum gives out.
/// </summary>
internal sealed class LineLimitedReader(TextReader inner, int maxLineLength) : TextReader
{
    private int _line = 1;
    private int _lineLength;

    public override int Peek() => inner.Peek();

    public override int Read()
    {
        var c = inner.Read();
        if (c >= 0)
            Account([(char)c]);
        return c;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var read = inner.Read(buffer);
        Account(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Account(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(char[] buffer, int index, int count) => ReadAsync(buffer.AsMemory(index, count)).AsTask();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }

    private void Account(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var newline = text.IndexOf('\n');
            var segment = newline < 0 ? text.Length : newline;
            _lineLength += segment;
            if (_lineLength > maxLineLength)
                throw new ReportFormatException($"Line {_line} is longer than the limit of {maxLineLength} characters.");
            if (newline < 0)
                return;
            _line++;
            _lineLength = 0;
            text = text[(newline + 1)..];
        }
    }
}
