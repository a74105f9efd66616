test("x", () => process.env.TEST_ONLY_TOKEN);
