namespace CinemaStats.LoadTest.Circuit;

/// <summary>What the server sent the replayed circuits: render batches, their bytes, and JS interop calls.</summary>
public sealed class CircuitTraffic
{
    private long _batches, _bytes, _jsCalls;

    public long Batches => Interlocked.Read(ref _batches);

    public long Bytes => Interlocked.Read(ref _bytes);

    public long JsCalls => Interlocked.Read(ref _jsCalls);

    public void RenderBatch(int bytes)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _bytes, bytes);
    }

    public void JsCall() => Interlocked.Increment(ref _jsCalls);
}
