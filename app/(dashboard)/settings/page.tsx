import { SettingsPage } from "@/components/settings/SettingsPage";

export const metadata = { title: "Settings" };

export default function Page() {
  return <SettingsPage />;
}
