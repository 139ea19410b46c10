namespace Opside.DataPlane.Tests.Reports;

/// <summary>Like ASP.NET Core's request body: synchronous reads throw, and reads return small chunks.</summary>
internal sealed class AsyncOnlyStream(byte[] content) : Stream
{
    private readonly MemoryStream _content = new(content, writable: false);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous reads are not allowed.");

    public override int Read(Span<byte> buffer) => throw new InvalidOperationException("Synchronous reads are not allowed.");

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        return _content.Read(buffer.Span[..Math.Min(buffer.Length, 1000)]);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
