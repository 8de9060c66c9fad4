using System.Globalization;
using System.Text;

namespace OpenCpm.Protocols.Keba;

/// <summary>Writes reports in the real P30 layout: <c>{</c>, one <c>"key": value</c> per line, <c>}</c> and a line feed.</summary>
internal static class KebaReportWriter
{
    public static string Write(KebaReport1 r)
    {
        var w = new Lines("1");
        w.Text("Product", r.Product);
        w.Text("Serial", r.Serial);
        w.FirmwareLine(r.Firmware);
        w.Number("COM-module", r.ComModule);
        w.Optional("Backend", r.Backend);
        w.Optional("timeQ", r.TimeQuality);
        w.Optional("setBoot", r.SetBoot);
        if (r.DipSwitch1 is { } dip1)
        {
            w.Text("DIP-Sw1", "0x" + dip1.ToString("x2", CultureInfo.InvariantCulture));
        }

        if (r.DipSwitch2 is { } dip2)
        {
            w.Text("DIP-Sw2", "0x" + dip2.ToString("x2", CultureInfo.InvariantCulture));
        }

        w.Number("Sec", r.UptimeS);
        return w.ToString();
    }

    public static string Write(KebaReport2 r)
    {
        var w = new Lines("2");
        w.Number("State", r.State);
        w.Number("Error1", r.Error1);
        w.Number("Error2", r.Error2);
        w.Number("Plug", r.Plug);
        w.Number("AuthON", r.AuthOn);
        w.Number("Authreq", r.AuthRequired);
        w.Number("Enable sys", r.EnableSys);
        w.Number("Enable user", r.EnableUser);
        w.Number("Max curr", r.MaxCurrentMilliA);
        w.Number("Max curr %", r.MaxCurrentPerMille);
        w.Number("Curr HW", r.HardwareCurrentMilliA);
        w.Number("Curr user", r.UserCurrentMilliA);
        w.Number("Curr FS", r.FailsafeCurrentMilliA);
        w.Number("Tmo FS", r.FailsafeTimeoutS);
        w.Number("Curr timer", r.TimerCurrentMilliA);
        w.Number("Tmo CT", r.TimerRemainingS);
        w.Number("Setenergy", r.EnergyLimitTenthsWh);
        w.Number("Output", r.Output);
        w.Number("Input", r.Input);
        w.Optional("X2 phaseSwitch source", r.PhaseSwitchSource);
        w.Optional("X2 phaseSwitch", r.PhaseSwitch);
        w.Text("Serial", r.Serial);
        w.Number("Sec", r.UptimeS);
        return w.ToString();
    }

    public static string Write(KebaReport3 r)
    {
        var w = new Lines("3");
        w.Number("U1", r.U1V);
        w.Number("U2", r.U2V);
        w.Number("U3", r.U3V);
        w.Number("I1", r.I1MilliA);
        w.Number("I2", r.I2MilliA);
        w.Number("I3", r.I3MilliA);
        w.Number("P", r.PowerMilliW);
        w.Number("PF", r.PowerFactorPerMille);
        w.Number("E pres", r.SessionEnergyTenthsWh);
        w.Number("E total", r.TotalEnergyTenthsWh);
        w.Text("Serial", r.Serial);
        w.Number("Sec", r.UptimeS);
        return w.ToString();
    }

    public static string Write(KebaSessionReport r)
    {
        var w = new Lines(r.ReportId.ToString(CultureInfo.InvariantCulture));
        w.Number("Session ID", r.SessionId);
        w.Number("Curr HW", r.HardwareCurrentMilliA);
        w.Number("E start", r.StartEnergyTenthsWh);
        w.Number("E pres", r.SessionEnergyTenthsWh);
        w.Number("started[s]", r.StartedAt.Seconds);
        w.Number("ended[s]", r.EndedAt.Seconds);
        w.Text("started", r.StartedAt.Text);
        w.Text("ended", r.EndedAt.Text);
        w.Number("reason", r.Reason);
        w.Number("timeQ", r.TimeQuality);
        w.Text("RFID tag", r.RfidTag);
        w.Text("RFID class", r.RfidClass);
        w.Text("Serial", r.Serial);
        w.Number("Sec", r.UptimeS);
        return w.ToString();
    }

    private sealed class Lines
    {
        private readonly StringBuilder _text = new();

        public Lines(string id)
        {
            _text.Append("{\n\"ID\": \"").Append(id).Append('"');
        }

        public void Number(string key, long value) => Next().Append('"').Append(key).Append("\": ").Append(KebaCodec.Invariant(value));

        public void Optional(string key, int? value)
        {
            if (value is { } v)
            {
                Number(key, v);
            }
        }

        public void Text(string key, string value) => Next().Append('"').Append(key).Append("\": \"").Append(KebaCodec.Escape(value)).Append('"');

        /// <summary>The P30 writes this one line without a space after the colon.</summary>
        public void FirmwareLine(string firmware) => Next().Append("\"Firmware\":\"").Append(KebaCodec.Escape(firmware)).Append('"');

        public override string ToString() => _text.ToString() + "\n}\n";

        private StringBuilder Next() => _text.Append(",\n");
    }
}
