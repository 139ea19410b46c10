namespace Opside.DataPlane.Reports;

/// <summary>Reads two byte ranges one after the other, without copying them (a header followed by a piece of a document).</summary>
internal sealed class JoinedStream(ReadOnlyMemory<byte> first, ReadOnlyMemory<byte> second) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => first.Length + second.Length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var source = _position < first.Length ? first.Span[(int)_position..] : second.Span[(int)(_position - first.Length)..];
        var read = Math.Min(source.Length, buffer.Length);
        source[..read].CopyTo(buffer);
        _position += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
