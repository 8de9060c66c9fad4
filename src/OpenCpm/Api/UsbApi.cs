using OpenCpm.Provisioning;

namespace OpenCpm.Api;

/// <summary>/api/v1/system/usb: the USB folder, whether a stick is in, what it may do, and what was done with its files.</summary>
internal static class UsbApi
{
    public static RouteGroupBuilder MapUsbApi(this RouteGroupBuilder api)
    {
        api.MapGet("/system/usb", (UsbFolder usb) => TypedResults.Ok(usb.Status)).WithTags("System").WithName("GetUsb")
            .WithSummary("The USB folder, whether a stick is in, the Allow USB init/config/update switches, and the latest actions on its files.");
        return api;
    }
}
