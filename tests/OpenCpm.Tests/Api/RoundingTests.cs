using OpenCpm.Api;

namespace OpenCpm.Tests.Api;

public sealed class RoundingTests
{
    [Theory]
    [InlineData(12.200000000000001, 12.2)]
    [InlineData(61.79999923706055, 61.8)]
    [InlineData(6.25, 6.3)]
    [InlineData(-0.04, 0)]
    public void Rounds_amperes_to_one_decimal(double value, double shown)
    {
        var rounded = Rounding.Amperes(value);

        Assert.Equal(shown, rounded);
        Assert.False(double.IsNegative(rounded) && rounded == 0, "no negative zero");
    }

    [Theory]
    [InlineData(14214.000001, 14214)]
    [InlineData(269.45, 269)]
    [InlineData(20.8, 21)]
    [InlineData(-0.4, 0)]
    public void Rounds_watts_and_watt_hours_to_whole_numbers(double value, double shown)
    {
        Assert.Equal(shown, Rounding.Watts(value));
        Assert.Equal(shown, Rounding.WattHours(value));
        Assert.False(double.IsNegative(Rounding.Watts(value)));
    }
}
