namespace MlNetMlp.Bench.Threads;

/// <summary>
/// One thread of the harness's own process kept busy for as long as this is held, so a measurement can be repeated
/// with one core taken, as on a machine shared with other work (the harness itself only waits for its child).
/// </summary>
internal sealed class BusyCore : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stopping;

    public BusyCore()
    {
        _thread = new Thread(Spin) { IsBackground = true, Name = "busy core" };
        _thread.Start();
    }

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
    }

    private void Spin()
    {
        while (!_stopping)
        {
            Thread.SpinWait(1_000);
        }
    }
}
