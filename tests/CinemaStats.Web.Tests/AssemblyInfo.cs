[assembly: AssemblyFixture(typeof(CinemaStats.TestSupport.S3Emulator))]
