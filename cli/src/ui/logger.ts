/** One consola logger for the CLI; subsystems take a tagged child (`logger.withTag("diff")`). */
import { createConsola } from "consola";

export const logger = createConsola({
  level: process.env.SST_VERBOSE === "1" || process.env.SST_VERBOSE === "true" ? 4 : 3,
  formatOptions: { date: false },
});
