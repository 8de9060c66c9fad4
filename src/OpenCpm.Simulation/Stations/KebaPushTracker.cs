using OpenCpm.Protocols.Keba;

namespace OpenCpm.Simulation.Stations;

/// <summary>Turns changes of the watched fields into push messages, one field per message, in the order a P30 sends them.</summary>
internal sealed class KebaPushTracker
{
    private readonly List<KebaPushMessage> _pending = [];
    private KebaObservedFields _last;

    public void Start(KebaObservedFields initial) => _last = initial;

    public void Observe(KebaObservedFields now, bool hasMeter)
    {
        Add("State", now.State, _last.State);
        Add("Plug", now.Plug, _last.Plug);
        Add("Input", now.Input, _last.Input);
        Add("Enable sys", now.EnableSys, _last.EnableSys);
        Add("Max curr", now.MaxCurrentMilliA, _last.MaxCurrentMilliA);
        if (hasMeter && now.EnergyStep != _last.EnergyStep)
        {
            _pending.Add(new KebaPushMessage("E pres", now.SessionEnergyTenthsWh));
        }

        _last = now;
    }

    public IReadOnlyList<KebaPushMessage> Take()
    {
        if (_pending.Count == 0)
        {
            return [];
        }

        var taken = _pending.ToArray();
        _pending.Clear();
        return taken;
    }

    private void Add(string field, long now, long last)
    {
        if (now != last)
        {
            _pending.Add(new KebaPushMessage(field, now));
        }
    }
}
