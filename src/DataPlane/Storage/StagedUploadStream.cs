namespace Opside.DataPlane.Storage;

/// <summary>
/// Reads a staged upload back as the stream that was sent, one stored piece at a time, so ingesting a file of
/// hundreds of megabytes holds one piece of it in memory.
/// </summary>
public sealed class StagedUploadStream(IDataPlaneStore store, string sellerId, string uploadId, int chunks) : Stream
{
    private byte[] _current = [];
    private int _offset;
    private int _next;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_offset == _current.Length)
        {
            if (_next == chunks || buffer.IsEmpty)
                return 0;
            _current = await store.ReadUploadChunkAsync(sellerId, uploadId, _next, cancellationToken)
                ?? throw new InvalidOperationException($"Upload {uploadId} of seller {sellerId} lacks its staged piece {_next} of {chunks}.");
            _offset = 0;
            _next++;
        }

        var count = Math.Min(buffer.Length, _current.Length - _offset);
        _current.AsMemory(_offset, count).CopyTo(buffer);
        _offset += count;
        _position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
