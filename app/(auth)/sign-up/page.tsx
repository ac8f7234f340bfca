// The sign-up page.
import { SignUpForm } from "@/components/auth/SignUpForm";

export const metadata = { title: "Create account" };

export default function SignUpPage() {
  return <SignUpForm />;
}
