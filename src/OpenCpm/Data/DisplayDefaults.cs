namespace OpenCpm.Data;

/// <summary>The display texts of each language (plain ASCII, at most 20 characters) and how long each stays.</summary>
internal static class DisplayDefaults
{
    public static IReadOnlyList<string> Languages { get; } = ["en", "de", "fr"];

    public static DisplayText For(string language, DisplayEvent displayEvent)
    {
        var texts = language switch
        {
            "de" => German,
            "fr" => French,
            _ => English,
        };
        return new DisplayText(displayEvent, texts[(int)displayEvent], Durations[(int)displayEvent]);
    }

    // In the order of DisplayEvent: SwipeCard, PlugIn, CardAccepted, CardRefused, Charging, Queued, Suspended, OutOfService.
    private static readonly string[] English = ["Swipe your card", "Plug in the cable", "Card accepted", "Card refused", "Charging", "Waiting for turn", "Waiting for power", "Out of service"];

    private static readonly string[] German = ["Karte vorhalten", "Kabel einstecken", "Karte akzeptiert", "Karte abgelehnt", "Ladevorgang laeuft", "Warten auf Freigabe", "Warten auf Leistung", "Ausser Betrieb"];

    private static readonly string[] French = ["Presentez la carte", "Branchez le cable", "Carte acceptee", "Carte refusee", "Charge en cours", "En attente du tour", "Attente puissance", "Hors service"];

    private static readonly int[] Durations = [30, 30, 3, 3, 10, 10, 10, 60];
}
