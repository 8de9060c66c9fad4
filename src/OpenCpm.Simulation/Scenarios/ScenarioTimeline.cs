namespace OpenCpm.Simulation.Scenarios;

/// <summary>
/// Samples of a scenario run (<see cref="ScenarioRunner.Run(ScenarioTimeline?)"/>) for plots: at most about
/// <see cref="MaxPoints"/> evenly spaced points, whatever the run's length and step.
/// </summary>
public sealed class ScenarioTimeline(int maxPoints = 2000)
{
    private readonly List<TimelinePoint> _points = [];
    private double _interval;
    private double _next;

    public int MaxPoints { get; } = maxPoints > 1 ? maxPoints : throw new ArgumentOutOfRangeException(nameof(maxPoints), "A timeline needs at least 2 points.");

    public IReadOnlyList<TimelinePoint> Points => _points;

    /// <summary>The run starts: <paramref name="durationSeconds"/> long.</summary>
    internal void Start(double durationSeconds)
    {
        _points.Clear();
        _interval = durationSeconds / MaxPoints;
        _next = 0;
    }

    internal void Record(TimelinePoint point)
    {
        if (point.Seconds >= _next)
        {
            _points.Add(point);
            _next = point.Seconds + _interval;
        }
    }
}
