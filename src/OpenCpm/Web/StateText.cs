using Microsoft.Extensions.Localization;
using OpenCpm.Core.ChargePoints;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Web.Resources;

namespace OpenCpm.Web;

/// <summary>Charge point states and the reasons behind setpoints (<c>limitedBy</c>) in the user's language.</summary>
internal static class StateText
{
    public static string State(IStringLocalizer<UiText> text, ChargePointState state) => text["State." + state];

    public static string LimitedBy(IStringLocalizer<UiText> text, LimitReason reason) =>
        text["Limit." + reason.Kind, reason.Phase?.ToString() ?? "", reason.Node ?? ""];
}
