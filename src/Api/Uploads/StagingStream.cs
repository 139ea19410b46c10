using Opside.Grains.Uploads;

namespace Opside.Api.Uploads;

/// <summary>
/// Reads a request body and hands every byte read, in pieces of <see cref="PieceBytes"/>, to the upload's grain,
/// which stages them: the document is parsed and staged in one pass, holding one piece at a time.
/// </summary>
internal sealed class StagingStream(Stream inner, IUploadGrain upload) : Stream
{
    /// <summary>A megabyte: few grain calls for a large file, a small message each.</summary>
    public const int PieceBytes = 1024 * 1024;

    private readonly byte[] _piece = new byte[PieceBytes];
    private int _filled;
    private int _sequence;
    private long _total;
    private bool _completed;

    /// <summary>The bytes read from the body so far.</summary>
    public long Total => _total;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _total;
        set => throw new NotSupportedException();
    }

    // A request body is read asynchronously (Kestrel refuses synchronous reads), and so is this.
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read the upload asynchronously.");

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        var data = buffer[..read];
        while (!data.IsEmpty)
        {
            var take = Math.Min(data.Length, PieceBytes - _filled);
            data[..take].CopyTo(_piece.AsMemory(_filled));
            _filled += take;
            data = data[take..];
            if (_filled == PieceBytes)
                await SendPieceAsync();
        }

        _total += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>
    /// Reads what the parser left of the body (a trailing line it had no need to read, say) and stages the last
    /// piece: the staged copy is the whole body.
    /// </summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_completed)
            return;
        var rest = new byte[64 * 1024];
        while (await ReadAsync(rest, cancellationToken) > 0)
        {
        }

        if (_filled > 0)
            await SendPieceAsync();
        _completed = true;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private async Task SendPieceAsync()
    {
        await upload.AppendAsync(_sequence, _piece.AsSpan(0, _filled).ToArray());
        _sequence++;
        _filled = 0;
    }
}
