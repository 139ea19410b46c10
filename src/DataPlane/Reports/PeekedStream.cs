namespace Opside.DataPlane.Reports;

/// <summary>
/// A read-only, forward-only stream that has read its first bytes ahead, so the format can be sniffed (gzip magic,
/// an opening quote) on streams that cannot seek, such as a request body or a <see cref="System.IO.Compression.GZipStream"/>.
/// </summary>
internal sealed class PeekedStream : Stream
{
    private readonly Stream _inner;
    private readonly bool _leaveOpen;
    private readonly byte[] _prefix;
    private readonly int _prefixLength;
    private int _prefixPosition;

    private PeekedStream(Stream inner, bool leaveOpen, byte[] prefix, int prefixLength)
    {
        _inner = inner;
        _leaveOpen = leaveOpen;
        _prefix = prefix;
        _prefixLength = prefixLength;
    }

    /// <summary>The bytes read ahead: fewer than asked only when the stream is that short.</summary>
    public ReadOnlySpan<byte> Prefix => _prefix.AsSpan(0, _prefixLength);

    public static PeekedStream Peek(Stream inner, int count, bool leaveOpen)
    {
        var prefix = new byte[count];
        var length = inner.ReadAtLeast(prefix, count, throwOnEndOfStream: false);
        return new PeekedStream(inner, leaveOpen, prefix, length);
    }

    public static async ValueTask<PeekedStream> PeekAsync(Stream inner, int count, bool leaveOpen, CancellationToken cancellationToken)
    {
        var prefix = new byte[count];
        var length = await inner.ReadAtLeastAsync(prefix, count, throwOnEndOfStream: false, cancellationToken);
        return new PeekedStream(inner, leaveOpen, prefix, length);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_prefixPosition < _prefixLength)
        {
            return TakePrefix(buffer);
        }
        return _inner.Read(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_prefixPosition < _prefixLength)
        {
            return ValueTask.FromResult(TakePrefix(buffer.Span));
        }
        return _inner.ReadAsync(buffer, cancellationToken);
    }

    private int TakePrefix(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _prefixLength - _prefixPosition);
        _prefix.AsSpan(_prefixPosition, count).CopyTo(buffer);
        _prefixPosition += count;
        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_leaveOpen)
        {
            _inner.Dispose();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (!_leaveOpen)
        {
            await _inner.DisposeAsync();
        }
        await base.DisposeAsync();
    }
}
