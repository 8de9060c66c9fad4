using OpenCpm.Tests.Demo;

namespace OpenCpm.Tests.Ui;

/// <summary>
/// One demo (three simulated stations and a meter) for all the tests of a class; each test opens its own browser
/// context on it (<see cref="UiSite.OpenAsync"/>). Tests that restart or reset the controller start their own.
/// </summary>
public sealed class SharedDemo : IAsyncLifetime
{
    private DemoApplication? _demo;

    internal DemoApplication Demo => _demo ?? throw new InvalidOperationException("The shared demo has not started.");

    public async ValueTask InitializeAsync() => _demo = await DemoApplication.StartAsync(stations: 3);

    public async ValueTask DisposeAsync()
    {
        if (_demo is not null)
        {
            await _demo.DisposeAsync();
        }
    }
}
