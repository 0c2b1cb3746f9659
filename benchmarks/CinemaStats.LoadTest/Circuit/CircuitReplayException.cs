namespace CinemaStats.LoadTest.Circuit;

/// <summary>The replayed circuit did something a browser's circuit would not survive, or that the session did not expect.</summary>
public sealed class CircuitReplayException(string message) : Exception(message);
